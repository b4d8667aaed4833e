package fr.espacefamille.command.account;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Reads an account's current e-mail address from the aggregate itself, for the sign-up steps
 * that need it before they send a command (the dossier picks its guardian by e-mail).
 */
@Component
class AccountEmails {

    private final Repository<Account> accounts;

    AccountEmails(@Qualifier("accountRepository") Repository<Account> accounts) {
        this.accounts = accounts;
    }

    String of(String accountId) {
        var unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            String email = accounts.load(accountId).invoke(Account::email);
            unitOfWork.commit();
            return email;
        } catch (RuntimeException e) {
            unitOfWork.rollback(e);
            throw e;
        }
    }
}
