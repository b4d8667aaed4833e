package fr.espacefamille.command.account;

import fr.espacefamille.platform.security.Role;
import fr.espacefamille.platform.security.SessionCookies;
import fr.espacefamille.platform.security.SessionStore;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * Opens and closes the browser's session: a new secret at every login (the old session, if
 * any, is closed, so that a session fixed before login is worth nothing), gone at logout.
 */
@Component
class BrowserSessions {

    private final SessionStore store;
    private final SessionCookies cookies;

    BrowserSessions(SessionStore store, SessionCookies cookies) {
        this.store = store;
        this.cookies = cookies;
    }

    void open(ServerWebExchange exchange, String username, Role role, List<String> dossierNumbers) {
        close(exchange);
        cookies.write(exchange, store.open(username, role, dossierNumbers));
    }

    void close(ServerWebExchange exchange) {
        String token = cookies.read(exchange);
        if (token != null) {
            store.close(token);
            cookies.clear(exchange);
        }
    }

    /** Ends every session of the account, then opens a fresh one for this browser. */
    void renew(ServerWebExchange exchange, String username, Role role, List<String> dossierNumbers) {
        store.closeAll(username);
        cookies.write(exchange, store.open(username, role, dossierNumbers));
    }

    /**
     * The caller's address, as counted by the throttling. Behind the proxy it comes from its
     * forwarded header, as an address that was never resolved: its text is what counts.
     */
    static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
