package fr.espacefamille.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.MethodNotAllowedException;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The answers the handler writes itself, headers included. */
class ApiErrorHandlerTest {

    private final ApiErrorHandler handler = new ApiErrorHandler(new ObjectMapper());

    @Test
    void aMethodTheAddressDoesNotTakeIsA405NamingTheOnesItTakes() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.patch("/api/terms"));

        handler.handle(exchange, new MethodNotAllowedException(HttpMethod.PATCH, Set.of(HttpMethod.GET))).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(exchange.getResponse().getHeaders().getAllow()).containsExactly(HttpMethod.GET);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"code\":\"METHOD_NOT_ALLOWED\"");
    }
}
