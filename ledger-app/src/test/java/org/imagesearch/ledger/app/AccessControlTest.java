package org.imagesearch.ledger.app;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.FilterChainProxy;

import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Every role against every class of endpoint, and the caller in the audit trail. */
class AccessControlTest extends LedgerHttpTest {

    private String instance;
    private String customer;

    @BeforeEach
    void anInstance() {
        customer = newCustomer("access");
        var purchase = ledger.purchase(customer, 2_500_000, 5, false);
        instance = purchase.text("instanceId");
        ledger.get("/api/v1/instances/" + instance + "?minPosition=" + purchase.body().path("position").asLong());
    }

    private Map<String, Function<LedgerClient, LedgerClient.Answer>> endpoints() {
        return Map.ofEntries(
                Map.entry("command", c -> c.post("/api/v1/instances", Map.of("customerId", newCustomer("ac"),
                        "images", 2_500_000, "qps", 5))),
                Map.entry("quote", c -> c.get("/api/v1/quotes/renewal?instanceId=" + instance + "&months=1")),
                Map.entry("catalog", c -> c.get("/api/v1/catalog")),
                Map.entry("read", c -> c.get("/api/v1/instances/" + instance)),
                Map.entry("ledger", c -> c.get("/api/v1/customers/" + customer + "/ledger")),
                Map.entry("releases", c -> c.get("/api/v1/releases")),
                Map.entry("audit", c -> c.get("/api/v1/instances/" + instance + "/events")),
                Map.entry("asOf", c -> c.get("/api/v1/instances/" + instance + "?asOf=" + c.get("/api/v1/instances/"
                        + instance).text("periodStart"))),
                Map.entry("replayStatus", c -> c.get("/api/v1/admin/replay")),
                Map.entry("clock", c -> c.get("/api/v1/admin/clock")),
                Map.entry("clockMove", c -> c.post("/api/v1/admin/clock", Map.of("advance", "PT1S"))),
                Map.entry("openApi", c -> c.get("/v3/api-docs")),
                Map.entry("customQuote", c -> c.post("/api/v1/custom-quotes", Map.of("customerId", customer,
                        "images", 90_000_000, "qps", 10, "monthlyPrice", Map.of("amount", "30000.00", "currency", "USD"),
                        "validUntil", "2099-01-01T00:00:00Z"))),
                Map.entry("customQuotes", c -> c.get("/api/v1/custom-quotes?customerId=" + customer)),
                Map.entry("payment", c -> c.post("/api/v1/payments", Map.of("customerId", customer,
                        "amount", Map.of("amount", "1.00", "currency", "USD"), "reference", "ac-" + customer))),
                Map.entry("notifications", c -> c.get("/api/v1/notifications?customerId=" + customer)));
    }

    @ParameterizedTest(name = "{0} may use {1}: {2}")
    @CsvSource({
            "service, command, 201", "service, quote, 200", "service, catalog, 200", "service, read, 200",
            "service, ledger, 200", "service, releases, 200", "service, audit, 200", "service, asOf, 200",
            "service, replayStatus, 403", "service, clock, 403", "service, clockMove, 403", "service, openApi, 200",
            "auditor, command, 403", "auditor, quote, 403", "auditor, catalog, 200", "auditor, read, 200",
            "auditor, ledger, 200", "auditor, releases, 200", "auditor, audit, 200", "auditor, asOf, 200",
            "auditor, replayStatus, 403", "auditor, clock, 403", "auditor, clockMove, 403", "auditor, openApi, 200",
            "operator, command, 201", "operator, quote, 200", "operator, catalog, 200", "operator, read, 200",
            "operator, ledger, 200", "operator, releases, 200", "operator, audit, 200", "operator, asOf, 200",
            "operator, replayStatus, 200", "operator, clock, 200", "operator, clockMove, 200", "operator, openApi, 200",
            // payments are off in this ledger: a caller allowed to pay hears so (409), one who is not, 403
            "service, customQuote, 403", "service, customQuotes, 200", "service, payment, 409",
            "service, notifications, 200",
            "auditor, customQuote, 403", "auditor, customQuotes, 200", "auditor, payment, 403",
            "auditor, notifications, 200",
            "operator, customQuote, 201", "operator, customQuotes, 200", "operator, payment, 409",
            "operator, notifications, 200"})
    void eachRoleMayDoWhatItsRoleAllows(String role, String endpoint, int status) {
        String key = switch (role) {
            case "service" -> TestKeys.SERVICE;
            case "auditor" -> TestKeys.AUDITOR;
            default -> TestKeys.OPERATOR;
        };
        LedgerClient.Answer answer = endpoints().get(endpoint).apply(new LedgerClient(port, key));

        assertThat(answer.status()).as(role + " on " + endpoint + ": " + answer).isEqualTo(status);
        if (status == 403) {
            assertProblem(answer, 403, "FORBIDDEN");
        }
    }

    @Test
    void withoutAKeyEveryEndpointButHealthAnswers401() {
        LedgerClient anonymous = new LedgerClient(port, null);
        endpoints().forEach((name, call) -> {
            LedgerClient.Answer answer = call.apply(anonymous);
            assertProblem(answer, 401, "UNAUTHENTICATED");
        });
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/no-such-thing").status()).isEqualTo(401);
    }

    @Test
    void anUnknownKeyIsRefusedAndChangesNothing() {
        long before = events.all();
        LedgerClient.Answer answer = new LedgerClient(port, "not-a-key").purchase(newCustomer("intruder"), 2_500_000, 5,
                false);
        assertProblem(answer, 401, "UNAUTHENTICATED");
        assertThat(answer.raw()).doesNotContain("not-a-key");
        assertThat(events.all()).isEqualTo(before);
    }

    @Test
    void theAuthenticatedCallerIsRecordedInEveryEventAndShownInTheAuditTrail() {
        LedgerClient service = new LedgerClient(port, TestKeys.SERVICE);
        var purchase = service.purchase(newCustomer("caller"), 2_500_000, 5, false);
        String id = purchase.text("instanceId");
        service.changePackage(id, 10_000_000, 10);

        var trail = new LedgerClient(port, TestKeys.AUDITOR).get("/api/v1/instances/" + id + "/events");

        assertThat(trail.body().path("items").findValuesAsText("caller")).hasSize(2)
                .allSatisfy(caller -> assertThat(caller).startsWith("service:").doesNotContain(TestKeys.SERVICE));
    }

    @Autowired
    private ApplicationContext context;

    /** The chain Spring Security built, without the composite that looked each request's handler up first. */
    @Test
    void theSecurityChainLooksNoHandlerUpBeforeTheDispatcher() {
        Filter chain = context.getBean("springSecurityFilterChain", Filter.class);

        assertThat(chain.getClass().getName()).doesNotContain("WebMvcSecurityConfiguration");
        assertThat(chain).isInstanceOf(FilterChainProxy.class);
        assertThat(((FilterChainProxy) chain).getFilterChains()).hasSize(1);
        assertThat(((FilterChainProxy) chain).getFilterChains().get(0).getFilters())
                .noneMatch(filter -> filter.getClass().getName().contains("HandlerMappingIntrospector"));
    }
}
