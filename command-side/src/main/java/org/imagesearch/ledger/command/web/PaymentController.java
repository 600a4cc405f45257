package org.imagesearch.ledger.command.web;

import jakarta.servlet.http.HttpServletRequest;
import org.imagesearch.ledger.api.account.AccountId;
import org.imagesearch.ledger.api.account.Allocation;
import org.imagesearch.ledger.api.account.PaymentReceipt;
import org.imagesearch.ledger.api.account.RecordPayment;
import org.imagesearch.ledger.api.billing.Money;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.api.error.LedgerRejection;
import org.imagesearch.ledger.api.error.RejectionCode;
import org.imagesearch.ledger.command.idempotency.IdempotencyKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

import static org.imagesearch.ledger.command.web.RequestFields.maxLength;
import static org.imagesearch.ledger.command.web.RequestFields.required;

/**
 * Payments from customers, when {@code ledger.payments.enabled=true}; otherwise charges count as paid
 * at checkout and a payment is refused with {@code PAYMENTS_DISABLED}.
 */
@RestController
@RequestMapping(path = "/api/v1/payments", produces = MediaType.APPLICATION_JSON_VALUE)
public class PaymentController {

    private final CommandDispatcher dispatcher;
    private final boolean enabled;

    public PaymentController(CommandDispatcher dispatcher,
                             @Value("${ledger.payments.enabled:false}") boolean enabled) {
        this.dispatcher = dispatcher;
        this.enabled = enabled;
    }

    public record PaymentRequest(String customerId, Money amount, String reference) {
    }

    /** The receipt, and the position a reader can wait for to see it. */
    public record PaymentResponse(CustomerId customerId, String reference, Money amount, Instant receivedAt,
                                  List<Allocation> allocations, Money toCredit, Money outstanding,
                                  Money creditBalance, long position) {

        static PaymentResponse of(PaymentReceipt receipt, long position) {
            return new PaymentResponse(receipt.customerId(), receipt.reference(), receipt.amount(),
                    receipt.receivedAt(), receipt.allocations(), receipt.toCredit(), receipt.outstanding(),
                    receipt.creditBalance(), position);
        }
    }

    /** 201 with the receipt; the same reference and amount again answer the first receipt. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<PaymentResponse> pay(@RequestBody PaymentRequest request,
                                              @RequestHeader(value = IdempotencyKey.HEADER, required = false)
                                              String idempotencyKey, Principal caller, HttpServletRequest http) {
        PaymentRequest body = required(request, "body");
        String reference = required(maxLength(body.reference(), "reference", 200), "reference");
        if (reference.isBlank()) {
            throw LedgerRejection.validation("reference may not be blank");
        }
        AccountId account = AccountId.of(new CustomerId(required(body.customerId(), "customerId")));
        RecordPayment payment = new RecordPayment(account, reference, required(body.amount(), "amount"));
        if (!enabled) {
            throw new LedgerRejection(RejectionCode.PAYMENTS_DISABLED,
                    "Payments are off (ledger.payments.enabled=false): charges count as paid at checkout");
        }
        CommandDispatcher.Sent<PaymentReceipt> sent = dispatcher.send(payment, account.toString(),
                IdempotencyKey.of(idempotencyKey, caller, http.getMethod(), http.getRequestURI(), body));
        return ResponseEntity.status(HttpStatus.CREATED).body(PaymentResponse.of(sent.result(), sent.position()));
    }
}
