package fr.espacefamille.command.account;

import fr.espacefamille.events.account.AcceptTermsCommand;
import fr.espacefamille.events.account.AccountActivatedEvent;
import fr.espacefamille.events.account.AccountGrant;
import fr.espacefamille.events.account.AccountRegisteredEvent;
import fr.espacefamille.events.account.ActivateAccountCommand;
import fr.espacefamille.events.account.ActivationRequestedEvent;
import fr.espacefamille.events.account.AuthorizeLoginCommand;
import fr.espacefamille.events.account.ChangeEmailCommand;
import fr.espacefamille.events.account.DossierLinkedEvent;
import fr.espacefamille.events.account.DossierUnlinkedEvent;
import fr.espacefamille.events.account.EmailChangedEvent;
import fr.espacefamille.events.account.LinkDossierCommand;
import fr.espacefamille.events.account.PasswordChangedEvent;
import fr.espacefamille.events.account.PasswordResetRequestedEvent;
import fr.espacefamille.events.account.RegisterAccountCommand;
import fr.espacefamille.events.account.RequestActivationCommand;
import fr.espacefamille.events.account.RequestPasswordResetCommand;
import fr.espacefamille.events.account.ResetPasswordCommand;
import fr.espacefamille.events.account.TermsAcceptedEvent;
import fr.espacefamille.events.account.UnlinkDossierCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static fr.espacefamille.command.Refusals.refusedWith;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.any;

/** The account's rules, from the sign-up to the password reset. */
class AccountTest {

    private static final Instant NOW = Instant.parse("2026-09-01T08:00:00Z");
    private static final Instant LINK_END = NOW.plus(Duration.ofHours(24));

    private final AggregateTestFixture<Account> fixture = new AggregateTestFixture<>(Account.class);
    private Clock clock = Clock.fixed(NOW, ZoneId.of("Europe/Paris"));

    @BeforeEach
    void resources() {
        fixture.registerInjectableResource(new TermsOfUse("2026-09"));
        fixture.registerInjectableResource(new MovableClock());
    }

    @Test
    void aNewUsernameIsRegistered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAccountCommand("lefevre", "Lefevre", "sophie@example.org"))
                .expectEvents(new AccountRegisteredEvent("lefevre", "Lefevre", "sophie@example.org"));
    }

    @Test
    void aTakenUsernameIsRefusedWhateverItsCase() {
        fixture.given(registered())
                .when(new RegisterAccountCommand("lefevre", "LEFEVRE", "nicolas@example.org"))
                .expectException(refusedWith("USERNAME_TAKEN"))
                .expectNoEvents();
    }

    @Test
    void theActivationEmailNeedsADossierAndTheTerms() {
        fixture.given(registered(), linked())
                .when(new RequestActivationCommand("lefevre"))
                .expectException(refusedWith("REGISTRATION_INCOMPLETE"));
    }

    @Test
    void onlyTheTermsInForceCanBeAccepted() {
        fixture.given(registered(), linked())
                .when(new AcceptTermsCommand("lefevre", "2025-01"))
                .expectException(refusedWith("TERMS_VERSION_OUTDATED"));
    }

    @Test
    void validatingSendsALinkValidForTwentyFourHours() {
        fixture.given(registered(), linked(), termsAccepted())
                .when(new RequestActivationCommand("lefevre"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(any(ActivationRequestedEvent.class))))
                .expectState(account -> org.assertj.core.api.Assertions.assertThat(account.email())
                        .isEqualTo("sophie@example.org"));
    }

    @Test
    void theLinkActivatesTheAccountUntilTheTwentyFourthHourIncluded() {
        clock = Clock.fixed(LINK_END, ZoneId.of("Europe/Paris"));
        fixture.given(registered(), linked(), termsAccepted(), activationRequested("r1"))
                .when(new ActivateAccountCommand("lefevre", "r1"))
                .expectEvents(new AccountActivatedEvent("lefevre", "Lefevre"))
                .expectResultMessagePayload(new AccountGrant("Lefevre", List.of("2018-00544")));
    }

    @Test
    void aDossierThatDroppedTheGuardianIsNoLongerGrantedAtLogin() {
        fixture.given(registered(), linked(), termsAccepted(), activationRequested("r1"),
                      new AccountActivatedEvent("lefevre", "Lefevre"),
                      new DossierUnlinkedEvent("lefevre", "2018-00544"))
                .when(new AuthorizeLoginCommand("lefevre"))
                .expectResultMessagePayload(new AccountGrant("Lefevre", List.of()));
    }

    @Test
    void aDossierIsUnlinkedOnce() {
        fixture.given(registered(), linked(), new DossierUnlinkedEvent("lefevre", "2018-00544"))
                .when(new UnlinkDossierCommand("lefevre", "2018-00544"))
                .expectNoEvents();
    }

    @Test
    void theLinkHasExpiredOneSecondAfterTwentyFourHours() {
        clock = Clock.fixed(LINK_END.plusSeconds(1), ZoneId.of("Europe/Paris"));
        fixture.given(registered(), linked(), termsAccepted(), activationRequested("r1"))
                .when(new ActivateAccountCommand("lefevre", "r1"))
                .expectException(refusedWith("ACTIVATION_LINK_EXPIRED"))
                .expectNoEvents();
    }

    @Test
    void theLinkWorksOnce() {
        fixture.given(registered(), linked(), termsAccepted(), activationRequested("r1"),
                      new AccountActivatedEvent("lefevre", "Lefevre"))
                .when(new ActivateAccountCommand("lefevre", "r1"))
                .expectException(refusedWith("ACTIVATION_LINK_USED"));
    }

    @Test
    void onlyTheNewestLinkWorks() {
        fixture.given(registered(), linked(), termsAccepted(), activationRequested("r1"), activationRequested("r2"))
                .when(new ActivateAccountCommand("lefevre", "r1"))
                .expectException(refusedWith("ACTIVATION_LINK_REPLACED"));
    }

    @Test
    void aNewActivationLinkWaitsAMinuteAfterThePreviousOne() {
        clock = Clock.fixed(NOW.plusSeconds(59), ZoneId.of("Europe/Paris"));
        fixture.given(registered(), linked(), termsAccepted(), activationRequested("r1"))
                .when(new RequestActivationCommand("lefevre"))
                .expectException(refusedWith("ACTIVATION_LINK_JUST_SENT"));
    }

    @Test
    void anExpiredLinkIsReplacedByANewOne() {
        clock = Clock.fixed(LINK_END.plusSeconds(1), ZoneId.of("Europe/Paris"));
        fixture.given(registered(), linked(), termsAccepted(), activationRequested("r1"))
                .when(new RequestActivationCommand("lefevre"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(any(ActivationRequestedEvent.class))));
    }

    @Test
    void anAccountLogsInOnlyOnceActivated() {
        fixture.given(registered(), linked(), termsAccepted(), activationRequested("r1"))
                .when(new AuthorizeLoginCommand("lefevre"))
                .expectException(refusedWith("ACCOUNT_NOT_ACTIVATED"));
    }

    @Test
    void anActivatedAccountReachesItsDossiers() {
        fixture.given(activated())
                .when(new AuthorizeLoginCommand("lefevre"))
                .expectResultMessagePayload(new AccountGrant("Lefevre", List.of("2018-00544")))
                .expectNoEvents();
    }

    @Test
    void aPasswordResetIsSentOnlyForAnActivatedAccount() {
        fixture.given(registered())
                .when(new RequestPasswordResetCommand("lefevre"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aResetLinkSetsTheNewPasswordOnce() {
        fixture.given(activatedAnd(resetRequested("p1"),
                                   new PasswordChangedEvent("lefevre", "Lefevre", "sophie@example.org", true)))
                .when(new ResetPasswordCommand("lefevre", "p1"))
                .expectException(refusedWith("RESET_LINK_USED"));
    }

    @Test
    void aResetLinkExpiresAfterTwentyFourHours() {
        clock = Clock.fixed(LINK_END.plusSeconds(1), ZoneId.of("Europe/Paris"));
        fixture.given(activatedAnd(resetRequested("p1")))
                .when(new ResetPasswordCommand("lefevre", "p1"))
                .expectException(refusedWith("RESET_LINK_EXPIRED"));
    }

    @Test
    void aResetLinkChangesThePassword() {
        fixture.given(activatedAnd(resetRequested("p1")))
                .when(new ResetPasswordCommand("lefevre", "p1"))
                .expectEvents(new PasswordChangedEvent("lefevre", "Lefevre", "sophie@example.org", true));
    }

    @Test
    void aSecondResetEmailWaitsAMinute() {
        fixture.given(activatedAnd(resetRequested("p1")))
                .when(new RequestPasswordResetCommand("lefevre"))
                .expectNoEvents();
    }

    @Test
    void theEmailChangesAndThePreviousAddressIsKnown() {
        fixture.given(activated())
                .when(new ChangeEmailCommand("lefevre", "sophie.new@example.org"))
                .expectEvents(new EmailChangedEvent("lefevre", "Lefevre", "sophie@example.org",
                                                    "sophie.new@example.org"));
    }

    @Test
    void anActivatedAccountCannotStartTheSignUpAgain() {
        fixture.given(activated())
                .when(new LinkDossierCommand("lefevre", "2015-00100", "Fatima MARTIN"))
                .expectException(refusedWith("ACCOUNT_ALREADY_ACTIVE"));
    }

    private static AccountRegisteredEvent registered() {
        return new AccountRegisteredEvent("lefevre", "Lefevre", "sophie@example.org");
    }

    private static DossierLinkedEvent linked() {
        return new DossierLinkedEvent("lefevre", "2018-00544", "Sophie LEFÈVRE");
    }

    private static TermsAcceptedEvent termsAccepted() {
        return new TermsAcceptedEvent("lefevre", "2026-09");
    }

    private static ActivationRequestedEvent activationRequested(String requestId) {
        return new ActivationRequestedEvent("lefevre", "Lefevre", "sophie@example.org", requestId, LINK_END);
    }

    private static PasswordResetRequestedEvent resetRequested(String requestId) {
        return new PasswordResetRequestedEvent("lefevre", "Lefevre", "sophie@example.org", requestId, LINK_END);
    }

    private static List<Object> activated() {
        return activatedAnd();
    }

    private static List<Object> activatedAnd(Object... later) {
        List<Object> events = new java.util.ArrayList<>(List.of(registered(), linked(), termsAccepted(),
                activationRequested("r1"), new AccountActivatedEvent("lefevre", "Lefevre")));
        events.addAll(List.of(later));
        return events;
    }

    /** The fixture's clock, which each test sets before its command. */
    private final class MovableClock extends Clock {

        @Override
        public ZoneId getZone() {
            return clock.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return clock.withZone(zone);
        }

        @Override
        public Instant instant() {
            return clock.instant();
        }
    }
}
