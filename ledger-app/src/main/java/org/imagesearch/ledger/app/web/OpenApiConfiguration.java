package org.imagesearch.ledger.app.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document served at {@code /v3/api-docs} and kept in {@code docs/openapi.json}. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    OpenAPI ledgerApi() {
        return new OpenAPI()
                .components(new Components().addSecuritySchemes("apiKey", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("A key from LEDGER_API_KEYS (role:key,...), as 'Authorization: Bearer <key>'")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"))
                .info(new Info()
                .title("Subscription ledger")
                .version("v1")
                .description("Prepaid resource packages of the image-search service: purchases, package changes, "
                        + "renewals, quota exhaustion and release, with their ledger, prorations and audit trail. "
                        + "Errors are application/problem+json with a stable code. Money is {amount, currency} "
                        + "with amount a decimal string; instants are ISO-8601 UTC."));
    }
}
