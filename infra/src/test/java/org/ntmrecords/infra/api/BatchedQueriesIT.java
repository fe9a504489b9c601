package org.ntmrecords.infra.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.IntegrationTest;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * GraphQL list queries do not issue one SQL statement per row: the statements a district overview costs
 * (with every criterion, indicator, value and decision of every commune) do not depend on how many communes
 * it shows. Statements are counted on the HTTP request threads only, not on the event processors' threads.
 */
@Import(BatchedQueriesIT.CountingDataSource.class)
class BatchedQueriesIT extends IntegrationTest {
    static final AtomicInteger STATEMENTS = new AtomicInteger();

    @TestConfiguration
    static class CountingDataSource {
        @Bean
        static BeanPostProcessor countStatements() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
                        return ProxyDataSourceBuilder.create(dataSource).listener(new QueryExecutionListener() {
                            @Override
                            public void beforeQuery(net.ttddyy.dsproxy.ExecutionInfo info,
                                                    java.util.List<net.ttddyy.dsproxy.QueryInfo> queries) {
                                if (Thread.currentThread().getName().startsWith("http-nio")) {
                                    STATEMENTS.addAndGet(queries.size());
                                }
                            }

                            @Override
                            public void afterQuery(net.ttddyy.dsproxy.ExecutionInfo info,
                                                   java.util.List<net.ttddyy.dsproxy.QueryInfo> queries) {
                            }
                        }).build();
                    }
                    return bean;
                }
            };
        }
    }

    @BeforeEach
    void demoLoaded() {
        awaitProjections();
    }

    private int statementsFor(String district, String set, int expectedRows) {
        STATEMENTS.set(0);
        graphQl().documentName("districtOverview").variable("district", district).variable("set", set).execute()
                .path("districtOverview.units").entityList(Object.class).hasSize(expectedRows);
        return STATEMENTS.get();
    }

    @Test
    void aDistrictOverviewCostsTheSameStatementsForSixCommunesOrTwelve() {
        // 12 tracked communes against 6 (the other 6 rows have no standing); both include unmet criteria,
        // so the query walks the same levels
        int twelve = statementsFor("872", "dongthap-commune-ntm-2021-2025", 12);
        int six = statementsFor("872", "dongthap-commune-advanced-2021-2025", 12);
        assertThat(six).as("statements seen for six communes").isPositive();
        // the overview's batched loads, plus reading the signed-in account and its credential
        assertThat(twelve).as("statements for twelve communes").isEqualTo(six).isLessThanOrEqualTo(16);
    }
}
