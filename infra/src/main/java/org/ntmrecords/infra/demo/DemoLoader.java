package org.ntmrecords.infra.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ntmrecords.command.agency.AssignResponsibilityCommand;
import org.ntmrecords.command.agency.RegisterAgencyCommand;
import org.ntmrecords.command.criteria.CriteriaCatalog;
import org.ntmrecords.command.criteria.CriteriaSetDocuments;
import org.ntmrecords.command.criteria.PublishCriteriaSetCommand;
import org.ntmrecords.command.scorecard.RecordIndicatorDecisionCommand;
import org.ntmrecords.command.scorecard.RecordIndicatorValueCommand;
import org.ntmrecords.command.scorecard.TrackUnitCommand;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
import org.ntmrecords.events.scorecard.Judgment;
import org.ntmrecords.events.scorecard.Period;
import org.ntmrecords.events.scorecard.ScorecardId;
import org.ntmrecords.infra.axon.ActingAs;
import org.ntmrecords.infra.axon.Actor;
import org.ntmrecords.infra.importing.UnitCsvImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loads the demo data into an empty store by sending ordinary commands, as the system task
 * {@code system:demo-loader}: the seed localities, the shipped criteria sets, and the demo scenarios.
 */
public class DemoLoader {
    public static final Actor ACTOR = Actor.system("demo-loader");
    static final String UNITS = "data/units/seed-localities.csv";
    static final String SETS = "classpath:criteria-sets/*.yaml";
    static final String SCENARIOS = "classpath:demo/*.yaml";
    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final CommandGateway commands;
    private final CriteriaCatalog catalog;
    private final UnitCsvImport units;
    private final JdbcTemplate jdbc;

    public DemoLoader(CommandGateway commands, CriteriaCatalog catalog, UnitCsvImport units, JdbcTemplate jdbc) {
        this.commands = commands;
        this.catalog = catalog;
        this.units = units;
        this.jdbc = jdbc;
    }

    /** Loads the demo if the event store holds no event at all; returns whether it did. */
    public boolean loadIfEmpty() throws Exception {
        Boolean empty = jdbc.queryForObject(
                "select not exists (select 1 from event_store.domain_event_entry)", Boolean.class);
        if (!Boolean.TRUE.equals(empty)) {
            log.info("Event store is not empty: demo data not loaded");
            return false;
        }
        long started = System.nanoTime();
        ActingAs.Context task = ActingAs.Context.start(ACTOR);
        try (InputStream in = new PathMatchingResourcePatternResolver().getResource("classpath:" + UNITS).getInputStream()) {
            var report = units.run(new InputStreamReader(in, StandardCharsets.UTF_8), UNITS, task, log::info);
            log.info("Demo units: {}", report.summary());
            if (!report.rejected().isEmpty()) {
                throw new IllegalStateException("demo units rejected: " + report.rejected());
            }
        }
        ActingAs.call(task, () -> {
            publishSets();
            for (Resource resource : sorted(SCENARIOS)) {
                try (InputStream in = resource.getInputStream()) {
                    play(YAML.readValue(in, DemoScenario.class));
                }
            }
            return null;
        });
        log.info("Demo data loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    private void publishSets() throws IOException {
        List<CriteriaSetDefinition> definitions = new ArrayList<>();
        for (Resource resource : sorted(SETS)) {
            definitions.add(CriteriaSetDocuments.parse(resource.getContentAsString(StandardCharsets.UTF_8)));
        }
        // base sets before the variants that name them
        definitions.sort(Comparator.comparing((CriteriaSetDefinition d) -> d.baseSetId() != null)
                .thenComparing(CriteriaSetDefinition::id));
        for (CriteriaSetDefinition definition : definitions) {
            commands.sendAndWait(new PublishCriteriaSetCommand(definition));
        }
    }

    private void play(DemoScenario scenario) {
        Period period = Period.on(scenario.asOf());
        for (DemoScenario.AgencyEntry agency : scenario.agencies()) {
            commands.sendAndWait(new RegisterAgencyCommand(agency.id(), agency.name(), agency.unit(), null));
        }
        for (DemoScenario.AssignmentEntry assignment : scenario.assignments()) {
            commands.sendAndWait(new AssignResponsibilityCommand(assignment.agency(), assignment.set(),
                    assignment.criteria(), assignment.indicators(),
                    scenario.documents(List.of(assignment.basis())).get(0)));
        }
        for (DemoScenario.Tracking tracking : scenario.tracking()) {
            for (String unit : tracking.units()) {
                commands.sendAndWait(new TrackUnitCommand(unit, tracking.set(), tracking.region(), null));
            }
        }
        Set<String> entered = new HashSet<>();
        for (DemoScenario.ValueEntry value : scenario.values()) {
            String id = "demo-" + value.unit() + "-" + value.indicator();
            commands.sendAndWait(new RecordIndicatorValueCommand(ScorecardId.of(value.unit(), value.set()), id,
                    value.indicator(), value.value(), period, scenario.sourceAgency(),
                    scenario.documents(value.evidence()), value.note(), List.of()));
            entered.add(value.set() + "|" + value.unit() + "|" + value.indicator());
        }
        for (DemoScenario.DecisionEntry decision : scenario.decisions()) {
            commands.sendAndWait(new RecordIndicatorDecisionCommand(ScorecardId.of(decision.unit(), decision.set()),
                    "demo-" + decision.unit() + "-" + decision.indicator() + "-decision", decision.indicator(),
                    decision.result(), period, scenario.decidedBy(), scenario.documents(decision.basis()),
                    decision.note()));
            entered.add(decision.set() + "|" + decision.unit() + "|" + decision.indicator());
        }
        for (DemoScenario.MetByReport report : scenario.metByReport()) {
            CriteriaSetDefinition definition = catalog.latest(report.set()).orElseThrow(
                    () -> new IllegalStateException("demo scenario names unknown set " + report.set()));
            for (String unit : report.units()) {
                definition.criteria().stream().flatMap(c -> c.indicators().stream())
                        .filter(i -> !entered.contains(report.set() + "|" + unit + "|" + i.code()))
                        .forEach(i -> commands.sendAndWait(new RecordIndicatorDecisionCommand(
                                ScorecardId.of(unit, report.set()), "demo-" + unit + "-" + i.code() + "-report",
                                i.code(), Judgment.MET, period, scenario.decidedBy(),
                                scenario.documents(report.basis()), report.note())));
            }
        }
    }

    private static List<Resource> sorted(String pattern) throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources(pattern);
        return Arrays.stream(resources).sorted(Comparator.comparing(Resource::getFilename)).toList();
    }
}
