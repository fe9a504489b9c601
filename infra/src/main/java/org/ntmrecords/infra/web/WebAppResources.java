package org.ntmrecords.infra.web;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How browsers may keep the web application's files. WebJars' paths carry their version, so a browser keeps them a
 * year without asking again; the application's own modules ({@code /app/…}) and its page are asked again each time
 * (answered 304 Not Modified while unchanged), so a new release is seen at once without versioned file names.
 */
@Configuration(proxyBeanMethods = false)
public class WebAppResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        registry.addResourceHandler("/app/**").addResourceLocations("classpath:/static/app/")
                .setCacheControl(CacheControl.noCache());
    }
}
