package fr.espacefamille.command.payment;

/**
 * An operation opened at the payment provider.
 *
 * @param operationId the provider's id (PayFiP's {@code idop})
 * @param redirectUrl the payment page to send the payer to
 */
public record PaymentSession(
        String operationId,
        String redirectUrl
) {
}
