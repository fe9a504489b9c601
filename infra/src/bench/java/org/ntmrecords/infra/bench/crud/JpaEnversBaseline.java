package org.ntmrecords.infra.bench.crud;

import java.time.Instant;
import java.time.LocalDate;
import org.ntmrecords.infra.bench.WritePathBenchmark;
import org.ntmrecords.infra.support.TestDatabases;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Baseline (b) of the write path: Spring Data JPA with Hibernate Envers, in a Spring context of its own (no
 * component scan, so the service never sees it) on its own database of the benchmark's PostgreSQL.
 */
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        HibernateJpaAutoConfiguration.class, JpaRepositoriesAutoConfiguration.class, TransactionAutoConfiguration.class})
@EnableJpaRepositories(basePackageClasses = IndicatorValueRows.class)
@EntityScan(basePackageClasses = IndicatorValueRow.class)
public class JpaEnversBaseline implements WritePathBenchmark.CrudBaseline {
    private ConfigurableApplicationContext context;
    private IndicatorValueRows rows;
    private TransactionTemplate transactions;

    public static WritePathBenchmark.CrudBaseline start(TestDatabases.Database database) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(JpaEnversBaseline.class)
                .web(WebApplicationType.NONE).bannerMode(org.springframework.boot.Banner.Mode.OFF)
                .properties("spring.datasource.url=" + database.url(),
                        "spring.datasource.username=" + database.username(),
                        "spring.datasource.password=" + database.password(),
                        "spring.datasource.hikari.maximum-pool-size=16",
                        "spring.jpa.hibernate.ddl-auto=create",
                        "spring.jpa.open-in-view=false",
                        "spring.config.location=optional:classpath:/none/",
                        "logging.level.root=WARN")
                .run();
        JpaEnversBaseline baseline = context.getBean(JpaEnversBaseline.class);
        baseline.context = context;
        baseline.rows = context.getBean(IndicatorValueRows.class);
        baseline.transactions = context.getBean(TransactionTemplate.class);
        return baseline;
    }

    @Override
    public void record(String scorecardId, String indicatorCode, boolean achieved, String actor, String correlationId) {
        try {
            change(scorecardId, indicatorCode, achieved, actor, correlationId);
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            // another client created the indicator's row first: change it
            change(scorecardId, indicatorCode, achieved, actor, correlationId);
        }
    }

    private void change(String scorecardId, String indicatorCode, boolean achieved, String actor, String correlationId) {
        transactions.executeWithoutResult(tx -> {
            IndicatorValueRow row = rows.findByScorecardIdAndIndicatorCode(scorecardId, indicatorCode)
                    .orElseGet(() -> rows.saveAndFlush(new IndicatorValueRow(scorecardId, indicatorCode)));
            row.change(achieved, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "Phòng Nông nghiệp", actor,
                    correlationId, Instant.now());
            rows.save(row);
        });
    }

    @Override
    public void close() {
        context.close();
    }
}
