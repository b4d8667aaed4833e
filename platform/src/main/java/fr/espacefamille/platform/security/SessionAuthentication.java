package fr.espacefamille.platform.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/** The caller of a request that came with a live session; its name is the username. */
public class SessionAuthentication extends AbstractAuthenticationToken {

    private final Session session;

    public SessionAuthentication(Session session) {
        super(AuthorityUtils.createAuthorityList(session.role().authority()));
        this.session = session;
        setAuthenticated(true);
    }

    public Session session() {
        return session;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return session.username();
    }

    @Override
    public String getName() {
        return session.username();
    }
}
