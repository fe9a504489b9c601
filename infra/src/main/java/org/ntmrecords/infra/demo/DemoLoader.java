package org.ntmrecords.infra.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
import org.ntmrecords.command.evidence.EvidenceCommands;
import org.ntmrecords.command.evidence.EvidenceDocument;
import org.ntmrecords.command.recognition.Certification;
import org.ntmrecords.command.recognition.CertificationCommands;
import org.ntmrecords.command.recognition.RecognitionCase;
import org.ntmrecords.command.recognition.RecognitionCommands;
import org.ntmrecords.command.scorecard.MarkIndicatorNotAssessedCommand;
import org.ntmrecords.command.scorecard.RecordItemAssessmentCommand;
import org.ntmrecords.command.scorecard.RecordIndicatorDecisionCommand;
import org.ntmrecords.command.scorecard.RecordIndicatorValueCommand;
import org.ntmrecords.command.scorecard.TrackUnitCommand;
import org.ntmrecords.command.unit.RegisterUnitCommand;
import org.ntmrecords.events.common.DocumentRef;
import org.ntmrecords.events.criteria.CriteriaSetDefinition;
import org.ntmrecords.events.criteria.CriterionDefinition;
import org.ntmrecords.events.evidence.EvidenceTarget;
import org.ntmrecords.events.recognition.CriterionAssessment;
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
    /** The indicator-level sets written from the seed documents (Trà Vinh, Hà Tĩnh, Thanh Hóa). */
    static final String SEED_SETS = "classpath:criteria-sets/from-seeds/*.yaml";
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
    private final boolean planning;

    /**
     * @param planning whether the scenarios' plans, reporting duties and targets are loaded too
     *                 ({@code ntm.demo.planning}, on by default; off for a store that builds its own)
     */
    public DemoLoader(CommandGateway commands, CriteriaCatalog catalog, UnitCsvImport units, JdbcTemplate jdbc,
                      boolean planning) {
        this.commands = commands;
        this.catalog = catalog;
        this.units = units;
        this.jdbc = jdbc;
        this.planning = planning;
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
            var report = units.run(new InputStreamReader(in, StandardCharsets.UTF_8), UNITS, task,
                    line -> log.info("{}", line));
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
        for (String pattern : List.of(SETS, SEED_SETS)) {
            for (Resource resource : sorted(pattern)) {
                definitions.add(CriteriaSetDocuments.parse(resource.getContentAsString(StandardCharsets.UTF_8)));
            }
        }
        // base sets before the variants that name them
        definitions.sort(Comparator.comparing((CriteriaSetDefinition d) -> d.baseSetId() != null)
                .thenComparing(CriteriaSetDefinition::id));
        for (CriteriaSetDefinition definition : definitions) {
            commands.sendAndWait(new PublishCriteriaSetCommand(definition));
        }
    }

    private void play(DemoScenario scenario) {
        boolean recordsFacts = !scenario.values().isEmpty() || !scenario.notAssessed().isEmpty()
                || !scenario.decisions().isEmpty() || !scenario.metByReport().isEmpty()
                || !scenario.itemAssessments().isEmpty();
        if (recordsFacts && scenario.asOf() == null) {
            throw new IllegalStateException("demo scenario records values or decisions but gives no asOf");
        }
        // the business day of every value and decision of the scenario (a file with none needs no asOf)
        Period period = recordsFacts ? Period.on(scenario.asOf()) : null;
        for (DemoScenario.UnitEntry unit : scenario.units()) {
            commands.sendAndWait(new RegisterUnitCommand(unit.code(), unit.name(), unit.fullName(), unit.kind(),
                    unit.parent(), scenario.documents(List.of(unit.source())).get(0)));
        }
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
                    scenario.documents(value.evidence()), value.note(), value.breakdown(), value.breakdownTotal()));
            entered.add(value.set() + "|" + value.unit() + "|" + value.indicator());
        }
        for (DemoScenario.NotAssessedEntry mark : scenario.notAssessed()) {
            commands.sendAndWait(new MarkIndicatorNotAssessedCommand(ScorecardId.of(mark.unit(), mark.set()),
                    "demo-" + mark.unit() + "-" + mark.indicator() + "-not-assessed", mark.indicator(), period,
                    mark.reason(), scenario.documents(mark.evidence())));
            entered.add(mark.set() + "|" + mark.unit() + "|" + mark.indicator());
        }
        for (DemoScenario.DecisionEntry decision : scenario.decisions()) {
            commands.sendAndWait(new RecordIndicatorDecisionCommand(ScorecardId.of(decision.unit(), decision.set()),
                    "demo-" + decision.unit() + "-" + decision.indicator() + "-decision", decision.indicator(),
                    decision.result(), period, scenario.decidedBy(), scenario.documents(decision.basis()),
                    decision.note()));
            entered.add(decision.set() + "|" + decision.unit() + "|" + decision.indicator());
        }
        for (DemoScenario.ItemAssessmentEntry assessment : scenario.itemAssessments()) {
            commands.sendAndWait(new RecordItemAssessmentCommand(ScorecardId.of(assessment.unit(), assessment.set()),
                    "demo-" + assessment.unit() + "-" + assessment.indicator() + "-items", assessment.indicator(),
                    period, assessment.items().stream().map(i -> new RecordItemAssessmentCommand.AssessedItem(i.item(),
                    i.state(), i.note())).toList(), assessment.assessedBy(),
                    scenario.documents(assessment.evidence()), null, null));
            entered.add(assessment.set() + "|" + assessment.unit() + "|" + assessment.indicator());
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
        playRecognitions(scenario);
        if (planning) {
            new DemoPlanning(commands, jdbc).play(scenario);
        }
    }

    /** Recognitions, evidence and certified standards, after the values and decisions they rest on. */
    private void playRecognitions(DemoScenario scenario) {
        for (DemoScenario.RecognitionEntry r : scenario.recognitions()) {
            String caseId = RecognitionCase.caseId(r.unit(), r.set(), r.year());
            String stream = RecognitionCase.streamId(caseId);
            DocumentRef source = scenario.documents(List.of(r.source())).get(0);
            if ("DECIDED".equals(r.stage())) {
                commands.sendAndWait(new RecognitionCommands.RecordPriorDecision(stream, r.unit(), r.set(), r.grade(),
                        r.year(), r.decisionNumber(), r.decisionDate(), r.authority(), source, r.note(),
                        r.yearStated()));
                continue;
            }
            commands.sendAndWait(new RecognitionCommands.OpenCase(stream, r.unit(), r.set(), r.year(), source, false));
            List<String> codes = catalog.latest(r.set()).orElseThrow().criteria().stream()
                    .map(CriterionDefinition::code).toList();
            if (!codes.containsAll(r.unmet())) {
                throw new IllegalStateException("demo case " + caseId + " names criteria not in " + r.set()
                        + ": " + r.unmet());
            }
            List<CriterionAssessment> claimed = codes.stream().map(code -> new CriterionAssessment(code,
                    r.unmet().contains(code) ? Judgment.NOT_MET : Judgment.MET, null, r.note())).toList();
            commands.sendAndWait(new RecognitionCommands.SelfAssess(stream, claimed, Instant.now(), List.of(source)));
            if ("SELF_ASSESSED".equals(r.stage())) {
                continue;
            }
            commands.sendAndWait(new RecognitionCommands.SubmitDossier(stream, List.of(source)));
            if ("VERIFIED".equals(r.stage())) {
                commands.sendAndWait(new RecognitionCommands.Verify(stream, claimed, true, r.note(), List.of(source)));
            }
        }
        for (DemoScenario.CertificationEntry c : scenario.certifications()) {
            commands.sendAndWait(new CertificationCommands.CertifyStandard(Certification.streamId(c.id()), c.id(),
                    c.unit(), c.subject(), c.standard(), c.validUntil(), c.set(), c.indicator(),
                    scenario.documents(List.of(c.source())).get(0), c.note()));
        }
        int n = 0;
        for (DemoScenario.EvidenceEntry e : scenario.evidence()) {
            String id = "demo-evidence-" + e.unit() + "-" + (++n);
            commands.sendAndWait(new EvidenceCommands.Attach(EvidenceDocument.streamId(id), id,
                    new EvidenceTarget(e.target(), e.unit(), e.set(), e.code(), e.caseId()),
                    scenario.documents(List.of(e.document())).get(0), e.kind(), null, e.note()));
        }
    }

    private static List<Resource> sorted(String pattern) throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources(pattern);
        return Arrays.stream(resources).sorted(Comparator.comparing(Resource::getFilename)).toList();
    }
}
