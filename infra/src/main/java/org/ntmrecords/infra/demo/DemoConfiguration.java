package org.ntmrecords.infra.demo;

import org.ntmrecords.command.common.WriteSide;
import org.ntmrecords.infra.distribution.DeploymentRole;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ntmrecords.command.criteria.CriteriaCatalog;
import org.ntmrecords.infra.importing.ReorganizationImport;
import org.ntmrecords.infra.importing.UnitCsvImport;
import org.ntmrecords.infra.security.AccountLookup;
import org.ntmrecords.infra.security.AccountSeeder;
import org.ntmrecords.infra.security.Credentials;
import org.ntmrecords.infra.security.SecurityProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Data loaded at start-up, in order: the demo on first start (on by default with the embedded database; with
 * an external one only when {@code ntm.demo.enabled=true}), then the seed accounts (by default exactly when
 * the demo is on; {@code ntm.security.seed-accounts.enabled} decides otherwise).
 */
@Configuration(proxyBeanMethods = false)
@Profile("!task")
public class DemoConfiguration {

    @Bean
    @WriteSide
    public DemoLoader demoLoader(CommandGateway commands, CriteriaCatalog catalog, UnitCsvImport units,
                                 JdbcTemplate jdbc,
                                 @org.springframework.beans.factory.annotation.Value("${ntm.demo.planning:true}")
                                 boolean planning) {
        return new DemoLoader(commands, catalog, units, jdbc, planning);
    }

    @Bean
    public AccountSeeder accountSeeder(SecurityProperties properties, CommandGateway commands,
                                       AccountLookup accounts, Credentials credentials) {
        return new AccountSeeder(properties.seedAccounts(), commands, accounts, credentials);
    }

    @Bean
    public ApplicationRunner loadStartupData(Environment environment, ObjectProvider<DemoLoader> demo,
                                             AccountSeeder seeder, SecurityProperties properties,
                                             ReorganizationImport reorganization, DeploymentRole role) {
        return args -> {
            boolean demoEnabled = DemoEnabledCondition.enabled(environment);
            Boolean seedSetting = properties.seedAccounts().enabled();
            boolean seedEnabled = seedSetting == null ? demoEnabled : seedSetting;
            if (role == DeploymentRole.QUERY) {
                // a replica's events come from the topic only: it loads no demo and registers no account, but
                // knows the seed accounts' passwords so that they can sign in here too
                if (seedEnabled) {
                    seeder.seedCredentials();
                }
                return;
            }
            if (demoEnabled && demo.getObject().loadIfEmpty()
                    && environment.getProperty("ntm.demo.reorganization-2025", Boolean.class, false)) {
                // the demo as it stands after 1 July 2025: the reform applied to the seed localities
                ReorganizationImport.Report report = reorganization.runBundled(line -> { });
                org.slf4j.LoggerFactory.getLogger(DemoConfiguration.class).info("Demo reorganisation 2025: {}",
                        report.summary());
                if (!report.rejected().isEmpty()) {
                    throw new IllegalStateException("demo reorganisation rejected: " + report.rejected());
                }
            }
            if (seedEnabled) {
                seeder.seed();
            }
        };
    }
}
