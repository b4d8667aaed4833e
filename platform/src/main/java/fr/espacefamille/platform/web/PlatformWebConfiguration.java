package fr.espacefamille.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;

/** What every web application of the project shares: API error answers. */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.REACTIVE)
public class PlatformWebConfiguration {

    @Bean
    public ApiErrorHandler apiErrorHandler(ObjectMapper objectMapper) {
        return new ApiErrorHandler(objectMapper);
    }
}
