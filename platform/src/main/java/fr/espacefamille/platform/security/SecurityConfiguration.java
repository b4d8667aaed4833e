package fr.espacefamille.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import fr.espacefamille.platform.axon.AxonMongoConfiguration;
import fr.espacefamille.platform.web.RefusalBodies;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.autoconfigure.security.reactive.ReactiveSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.reactive.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.util.Set;

/**
 * Who may call what, for both sides, by path alone, so that an endpoint added later is
 * protected without knowing it:
 *
 * <ul>
 *   <li>{@code /api/staff/**}: staff only;</li>
 *   <li>{@code /api/family/dossiers/{dossierNumber}/**}: an activated parent's account linked
 *   to that dossier, and still linked (an import may drop the guardian), else 403
 *   {@code DOSSIER_NOT_LINKED}, whether the dossier exists or not;</li>
 *   <li>{@code /api/family/**} and {@code /api/account/**}: an activated parent's account;</li>
 *   <li>the sign-up's later steps ({@code /api/registration/**}): the session its first step
 *   opened;</li>
 *   <li>open to all: login and logout ({@code /api/session}), the sign-up's first step, the
 *   links sent by e-mail ({@code /api/accounts/**}), the terms of use, {@code /api/public/**}
 *   and {@code /api/callbacks/**} (calls from other systems, which prove themselves by a
 *   signature and carry no CSRF token);</li>
 *   <li>any other {@code /api/} path needs a session; pages and files are open.</li>
 * </ul>
 *
 * <p>Sessions live in MongoDB ({@link SessionStore}). Browser requests that change something
 * carry the CSRF token of the {@code XSRF-TOKEN} cookie in the {@code X-XSRF-TOKEN} header.
 */
@AutoConfiguration(after = AxonMongoConfiguration.class,
                   before = {ReactiveSecurityAutoConfiguration.class,
                             ReactiveUserDetailsServiceAutoConfiguration.class})
@ConditionalOnWebApplication(type = Type.REACTIVE)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    /** The methods Spring Security's firewall lets through; it refuses every other. */
    private static final Set<HttpMethod> FIREWALL_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    @Bean
    public SessionStore sessionStore(MongoDatabase database, SecurityProperties properties, Clock clock) {
        SessionStore store = new SessionStore(database, properties, clock);
        store.ensureIndexes();
        return store;
    }

    @Bean
    public DossierAccess dossierAccess(MongoDatabase database) {
        return new DossierAccess(database);
    }

    @Bean
    public SessionCookies sessionCookies(SecurityProperties properties) {
        return new SessionCookies(properties);
    }

    @Bean
    public OneTimeTokens oneTimeTokens(MongoDatabase database) {
        OneTimeTokens tokens = new OneTimeTokens(database);
        tokens.ensureIndexes();
        return tokens;
    }

    /**
     * The answer to a request the firewall refuses: a method it does not let through (TRACE,
     * CONNECT, an invented one) gets a 405, an address it refuses (an encoded slash, a semicolon,
     * a null byte, a double slash in the path...) a 400; in the API's form, or the French error
     * page.
     */
    @Bean
    public ServerExchangeRejectedHandler exchangeRejected(RefusalBodies bodies) {
        return (exchange, rejected) -> {
            ServerHttpResponse response = exchange.getResponse();
            boolean method = !FIREWALL_METHODS.contains(exchange.getRequest().getMethod());
            response.setStatusCode(method ? HttpStatus.METHOD_NOT_ALLOWED : HttpStatus.BAD_REQUEST);
            if (method) {
                response.getHeaders().setAllow(FIREWALL_METHODS);
            }
            boolean api = RefusalBodies.isApi(exchange.getRequest().getPath().value());
            response.getHeaders().setContentType(api ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML);
            byte[] body = !api ? bodies.page()
                    : method ? bodies.json("METHOD_NOT_ALLOWED", "Cette action n'est pas possible à cette adresse.")
                    : bodies.json("REQUEST_REJECTED",
                    "L'adresse demandée contient des caractères qui ne sont pas acceptés. Vérifiez-la, ou repartez "
                            + "de la page d'accueil.");
            return response.writeWith(Mono.fromCallable(() -> response.bufferFactory().wrap(body)));
        };
    }

    /** Logins are checked by the login endpoint, not by Spring Security: no default user. */
    @Bean
    public ReactiveAuthenticationManager noFormLogin() {
        return authentication -> Mono.empty();
    }

    @Bean
    public SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http,
                                                         SessionStore sessionStore,
                                                         SessionCookies sessionCookies,
                                                         SecurityProperties properties,
                                                         DossierAccess dossierAccess,
                                                         ObjectMapper objectMapper) {
        JsonRefusals refusals = new JsonRefusals(objectMapper);
        CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(cookie -> {
            cookie.sameSite("Strict").path("/");
            if (Boolean.TRUE.equals(properties.secureCookies())) {
                cookie.secure(true);
            }
        });
        return http
                .securityContextRepository(new MongoSecurityContextRepository(sessionStore, sessionCookies))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(changesFromBrowsers())
                        .accessDeniedHandler(refusals.csrfRefused()))
                .addFilterAfter(issueCsrfCookie(), SecurityWebFiltersOrder.CSRF)
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(refusals.authenticationRequired())
                        .accessDeniedHandler(refusals.accessDenied()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/api/staff/**").hasRole(Role.STAFF.name())
                        .pathMatchers("/api/family/dossiers/{dossierNumber}/**").access(linkedDossier(dossierAccess))
                        .pathMatchers("/api/family/**", "/api/account/**").hasRole(Role.PARENT.name())
                        .pathMatchers(HttpMethod.POST, "/api/registration").permitAll()
                        .pathMatchers("/api/registration", "/api/registration/**").hasRole(Role.REGISTRANT.name())
                        .pathMatchers("/api/session", "/api/session/**", "/api/accounts/**", "/api/terms",
                                      "/api/public/**", "/api/callbacks/**").permitAll()
                        .pathMatchers("/api/**").authenticated()
                        .anyExchange().permitAll())
                .build();
    }

    /**
     * Every request but reads and calls from other systems, which carry no cookie: their
     * notifications, and the payment sandbox's own page, which stands for the provider's site.
     */
    private static ServerWebExchangeMatcher changesFromBrowsers() {
        return new NegatedServerWebExchangeMatcher(new OrServerWebExchangeMatcher(
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/**"),
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.HEAD, "/**"),
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.OPTIONS, "/**"),
                ServerWebExchangeMatchers.pathMatchers("/api/callbacks/**", "/payfip-sandbox/**")));
    }

    /**
     * A parent's session reaches a dossier only if the account was linked to it at login, and
     * the dossier has not dropped the account's guardian since ({@link DossierAccess}).
     */
    private static ReactiveAuthorizationManager<AuthorizationContext> linkedDossier(DossierAccess access) {
        return (authentication, context) -> {
            String dossierNumber = (String) context.getVariables().get("dossierNumber");
            return authentication
                    .filter(SessionAuthentication.class::isInstance)
                    .map(SessionAuthentication.class::cast)
                    .filter(caller -> caller.session().mayReach(dossierNumber))
                    .flatMap(caller -> Mono.fromCallable(() -> access.isOpen(dossierNumber, caller.getName()))
                            .subscribeOn(Schedulers.boundedElastic())
                            .publishOn(Schedulers.boundedElastic()))
                    .map(AuthorizationDecision::new)
                    .defaultIfEmpty(new AuthorizationDecision(false));
        };
    }

    /** Sends the CSRF cookie with the first answer, so that the browser has it before its first change. */
    private static WebFilter issueCsrfCookie() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
            return token.then(chain.filter(exchange));
        };
    }
}
