package fr.espacefamille.platform.security;

import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;

import java.time.Duration;

/**
 * The session cookie: HttpOnly, SameSite=Strict, Secure over HTTPS (or as configured), for the
 * whole site, and gone when the browser closes.
 */
public class SessionCookies {

    public static final String NAME = "EF_SESSION";

    private final SecurityProperties properties;

    public SessionCookies(SecurityProperties properties) {
        this.properties = properties;
    }

    public String read(ServerWebExchange exchange) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(NAME);
        return cookie == null ? null : cookie.getValue();
    }

    public void write(ServerWebExchange exchange, String token) {
        exchange.getResponse().addCookie(cookie(exchange, token).build());
    }

    public void clear(ServerWebExchange exchange) {
        exchange.getResponse().addCookie(cookie(exchange, "").maxAge(Duration.ZERO).build());
    }

    /** Whether cookies of this exchange are marked Secure. */
    public boolean isSecure(ServerWebExchange exchange) {
        if (properties.secureCookies() != null) {
            return properties.secureCookies();
        }
        return "https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme());
    }

    private ResponseCookie.ResponseCookieBuilder cookie(ServerWebExchange exchange, String value) {
        return ResponseCookie.from(NAME, value)
                .httpOnly(true)
                .secure(isSecure(exchange))
                .sameSite("Strict")
                .path("/");
    }
}
