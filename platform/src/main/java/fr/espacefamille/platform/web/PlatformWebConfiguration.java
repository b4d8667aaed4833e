package fr.espacefamille.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * What every web application of the project shares: strict reading of JSON request bodies, the
 * years a request may name a date in, API error answers, also for the requests refused before
 * Spring sees them.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.REACTIVE)
public class PlatformWebConfiguration {

    @Bean
    public ApiErrorHandler apiErrorHandler(ObjectMapper objectMapper) {
        return new ApiErrorHandler(objectMapper);
    }

    /** After Spring Boot's own codec configuration ({@code @Order(0)}), whose JSON decoder it replaces. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    public StrictRequestBodies strictRequestBodies(ObjectMapper objectMapper) {
        return new StrictRequestBodies(objectMapper);
    }

    @Bean
    public PortalDates portalDates() {
        return new PortalDates();
    }

    @Bean
    public RefusalBodies refusalBodies(ObjectMapper objectMapper) {
        return new RefusalBodies(objectMapper);
    }

    /** On Reactor Netty, the server of both sides. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HttpServer.class)
    static class NettyRefusals {

        /** Answers what the HTTP decoder refuses ({@link RefusedRequests}), right after it in each connection. */
        @Bean
        NettyServerCustomizer refusedRequestsAnswered(RefusalBodies bodies) {
            return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
                if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                    channel.pipeline().addAfter(NettyPipeline.HttpCodec, "espaceFamille.refusedRequests",
                                                new RefusedRequests(bodies));
                }
            });
        }
    }
}
