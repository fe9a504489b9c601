package org.ntmrecords.infra.demo;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ntmrecords.command.criteria.CriteriaCatalog;
import org.ntmrecords.infra.importing.UnitCsvImport;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loads the demo on first start. On by default for the embedded database; with an external database only
 * when {@code ntm.demo.enabled=true}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!task")
@Conditional(DemoEnabledCondition.class)
public class DemoConfiguration {

    @Bean
    public DemoLoader demoLoader(CommandGateway commands, CriteriaCatalog catalog, UnitCsvImport units,
                                 JdbcTemplate jdbc) {
        return new DemoLoader(commands, catalog, units, jdbc);
    }

    @Bean
    public ApplicationRunner loadDemoOnFirstStart(DemoLoader loader) {
        return args -> loader.loadIfEmpty();
    }
}
