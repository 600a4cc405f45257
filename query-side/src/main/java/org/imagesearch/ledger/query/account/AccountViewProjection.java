package org.imagesearch.ledger.query.account;

import org.imagesearch.ledger.query.progress.Projections;
import org.imagesearch.ledger.query.readtable.ReadTables;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.imagesearch.ledger.api.LedgerEvent;
import org.imagesearch.ledger.api.account.AccountSnapshot;
import org.imagesearch.ledger.api.account.CreditGranted;
import org.imagesearch.ledger.api.account.PaymentOverdue;
import org.imagesearch.ledger.api.account.PaymentReceived;
import org.imagesearch.ledger.api.account.ReceivableDefaulted;
import org.imagesearch.ledger.api.account.ReceivableOpened;
import org.imagesearch.ledger.api.customer.CustomerId;
import org.imagesearch.ledger.query.QuerySideConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Each customer's account, kept by folding its events through {@link AccountSnapshot#evolve}, the
 * same function the account aggregate and the as-of ledger use: {@code account_view}.
 */
@Component
@ProcessingGroup(Projections.READ_MODELS)
public class AccountViewProjection {

    private final JdbcTemplate jdbc;

    public AccountViewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ReceivableOpened event) {
        evolve(event);
    }

    @EventHandler
    void on(PaymentReceived event) {
        evolve(event);
    }

    @EventHandler
    void on(CreditGranted event) {
        evolve(event);
    }

    @EventHandler
    void on(PaymentOverdue event) {
        evolve(event);
    }

    @EventHandler
    void on(ReceivableDefaulted event) {
        evolve(event);
    }

    @ResetHandler
    void reset() {
        ReadTables.clear(jdbc, "account_view");
    }

    public Optional<AccountSnapshot> find(CustomerId customer) {
        return jdbc.query("SELECT snapshot FROM account_view WHERE customer_id = ?",
                (rs, row) -> fromJson(rs.getString(1)), customer.value()).stream().findFirst();
    }

    private void evolve(LedgerEvent event) {
        CustomerId customer = event.customerId();
        Optional<AccountSnapshot> current = find(customer);
        String json = toJson(current.orElseGet(() -> AccountSnapshot.empty(customer)).evolve(event));
        if (current.isPresent()) {
            jdbc.update("UPDATE account_view SET snapshot = ? WHERE customer_id = ?", json, customer.value());
        } else {
            jdbc.update("INSERT INTO account_view (customer_id, snapshot) VALUES (?, ?)", customer.value(), json);
        }
    }

    private static String toJson(AccountSnapshot snapshot) {
        try {
            return QuerySideConfiguration.READ_MODEL_JSON.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store the account of " + snapshot.customerId(), e);
        }
    }

    private static AccountSnapshot fromJson(String json) {
        try {
            return QuerySideConfiguration.READ_MODEL_JSON.readValue(json, AccountSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a stored account", e);
        }
    }
}
