package org.ntmrecords.command.recognition;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.ntmrecords.command.unit.UnitDirectory;
import org.springframework.stereotype.Component;

/**
 * The steps a recognition case and a revocation case share (one command class each, as the API sends them), taken
 * by the case the command's stream names: a revocation case's stream ({@code …@R<year>}) is loaded as a
 * {@link RevocationCase}, any other as a {@link RecognitionCase}. Opening a case goes to the aggregate's constructor.
 */
@Component
public class CaseSteps {
    private final Repository<RecognitionCase> recognitions;
    private final Repository<RevocationCase> revocations;

    public CaseSteps(Repository<RecognitionCase> recognitions, Repository<RevocationCase> revocations) {
        this.recognitions = recognitions;
        this.revocations = revocations;
    }

    @CommandHandler
    public void handle(RecognitionCommands.SelfAssess command, UnitDirectory units, Clock clock) {
        caseOf(command.streamId()).execute(c -> c.selfAssess(command, units, clock));
    }

    @CommandHandler
    public void handle(RecognitionCommands.RecordSurvey command, UnitDirectory units, Clock clock) {
        caseOf(command.streamId()).execute(c -> c.recordSurvey(command, units, clock));
    }

    @CommandHandler
    public void handle(RecognitionCommands.SubmitDossier command, UnitDirectory units, Clock clock) {
        caseOf(command.streamId()).execute(c -> c.submitDossier(command, units, clock));
    }

    @CommandHandler
    public void handle(RecognitionCommands.Verify command, UnitDirectory units, Clock clock) {
        caseOf(command.streamId()).execute(c -> c.verify(command, units, clock));
    }

    @CommandHandler
    public void handle(RecognitionCommands.Appraise command, UnitDirectory units, Clock clock) {
        caseOf(command.streamId()).execute(c -> c.appraise(command, units, clock));
    }

    @CommandHandler
    public void handle(RecognitionCommands.Decide command, UnitDirectory units, DeadlineManager deadlines,
                       Clock clock) {
        caseOf(command.streamId()).execute(c -> c.decide(command, units, deadlines, clock));
    }

    @CommandHandler
    public void handle(RecognitionCommands.Announce command, UnitDirectory units, Clock clock) {
        caseOf(command.streamId()).execute(c -> c.announce(command, units, clock));
    }

    private Aggregate<? extends CaseProcedure> caseOf(String streamId) {
        return RevocationCase.isRevocation(streamId) ? revocations.load(streamId) : recognitions.load(streamId);
    }
}
