package org.ntmrecords.infra.demo;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ntmrecords.command.plan.Plan;
import org.ntmrecords.command.plan.PlanCommands;
import org.ntmrecords.command.reporting.ReportingCommands;
import org.ntmrecords.command.target.TargetCommands;
import org.ntmrecords.command.target.TargetContent;
import org.ntmrecords.events.scorecard.ScorecardId;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The planning and reporting record of a demo scenario: plans with their annex rows and money, reporting duties
 * and the reports received, targets. Sent as ordinary commands after the values, decisions and recognitions they
 * refer to.
 */
final class DemoPlanning {
    private final CommandGateway commands;
    private final JdbcTemplate jdbc;

    DemoPlanning(CommandGateway commands, JdbcTemplate jdbc) {
        this.commands = commands;
        this.jdbc = jdbc;
    }

    void play(DemoScenario scenario) {
        for (DemoScenario.PlanEntry plan : scenario.plans()) {
            String stream = Plan.streamId(plan.id());
            commands.sendAndWait(new PlanCommands.Issue(stream, plan.id(), plan.unit(), plan.number(),
                    plan.annexNumber(), plan.date(), plan.issuer(), plan.year(), plan.title(), plan.aims(),
                    scenario.documents(plan.legalBases()), plan.dateAsWritten()));
            for (DemoScenario.PlanItemEntry item : plan.items()) {
                List<String> valueEvents = List.of();
                String judgment = null;
                if (item.stateValue() != null) {
                    String scorecard = ScorecardId.of(item.units().get(0), item.set());
                    valueEvents = List.of(eventId(scorecard, "IndicatorValueRecordedEvent", "valueId",
                            item.stateValue()));
                    judgment = eventId(scorecard, "IndicatorJudgedEvent", "indicatorCode", item.indicator());
                }
                commands.sendAndWait(new PlanCommands.AddItem(stream, plan.unit(), item.id(), item.row(), item.set(),
                        item.criterion(), item.indicator(), item.content(), item.units(), item.requirement(),
                        item.state(), valueEvents, judgment, item.solution(), item.lead(), item.coordinating(),
                        item.deadline(), item.deadlineLastDay(), item.cost(), item.funding()));
            }
            for (DemoScenario.FundsEntry funds : plan.funds()) {
                commands.sendAndWait(new PlanCommands.RecordFunds(stream, plan.unit(), funds.item(), funds.id(),
                        funds.source(), funds.sourceAsWritten(), funds.stage(), funds.amount(), funds.date(),
                        funds.by(), funds.document() == null ? null
                        : scenario.documents(List.of(funds.document())).get(0), funds.statedShare(), funds.note()));
            }
        }
        scenario.duties().forEach(commands::sendAndWait);
        scenario.submissions().forEach(commands::sendAndWait);
        for (DemoScenario.TargetEntry target : scenario.targets()) {
            TargetContent c = target.content();
            commands.sendAndWait(new TargetCommands.SetTargetCommand(target.unit(), target.id(), new TargetContent(
                    c.kind(), c.statement(), c.year(), c.setId(), c.indicatorCode(), c.measure(), c.value(),
                    c.valueAsWritten(), c.baseline(), c.baselineYear(), c.baselineAsWritten(), c.count(), c.unitCodes(),
                    c.deadlineAsWritten(), c.deadlineLastDay(), target.sourceDocument() == null ? c.source()
                    : scenario.documents(List.of(target.sourceDocument())).get(0), c.provenance())));
        }
    }

    /**
     * The latest stored event of a scorecard of a type whose payload has the given value in a field: the value
     * recorded under a demo value id, or the latest judgment of an indicator (the judgment of the plan's day: the
     * demo records every entry of a scenario as of one day).
     */
    private String eventId(String scorecard, String type, String field, String entryId) {
        List<String> ids = jdbc.queryForList("""
                select event_identifier from event_store.domain_event_entry
                where aggregate_identifier = ? and payload_type like ?
                  and convert_from(payload, 'UTF8')::jsonb ->> ? = ?
                order by sequence_number desc limit 1""", String.class, scorecard, "%." + type, field, entryId);
        if (ids.isEmpty()) {
            throw new IllegalStateException("demo row names " + entryId + ", which " + scorecard + " has no "
                    + type + " for");
        }
        return ids.get(0);
    }
}
