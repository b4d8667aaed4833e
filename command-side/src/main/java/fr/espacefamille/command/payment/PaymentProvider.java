package fr.espacefamille.command.payment;

/**
 * The port to the payment provider, shaped on the Treasury's PayFiP: the portal asks for an
 * operation and sends the parent to its payment page; the provider later posts a signed
 * notification that the operation ended, and the portal asks it for the result, which is the
 * only thing it trusts.
 */
public interface PaymentProvider {

    /** Opens an operation for this order: its id and the page to send the payer to. */
    PaymentSession start(PaymentOrder order);

    /** What the provider says of the operation now. */
    PaymentResult result(String operationId);

    /** Whether a notification's body carries the provider's signature. */
    boolean isAuthentic(String body, String signature);
}
