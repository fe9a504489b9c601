package org.ntmrecords.infra.api.recognition;

import java.util.Objects;
import org.ntmrecords.query.common.Args;
import org.ntmrecords.query.recognition.CaseChangeFeed;
import org.ntmrecords.query.recognition.RecognitionReadRepository;
import org.ntmrecords.query.recognition.RecognitionReadRepository.CaseView;
import org.ntmrecords.query.unit.UnitReadRepository;
import org.ntmrecords.query.unit.UnitView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** Case status changes as they are applied to the read tables. */
@Controller
public class RecognitionSubscriptions {
    private final CaseChangeFeed feed;
    private final RecognitionReadRepository cases;
    private final UnitReadRepository units;

    public RecognitionSubscriptions(CaseChangeFeed feed, RecognitionReadRepository cases, UnitReadRepository units) {
        this.feed = feed;
        this.cases = cases;
        this.units = units;
    }

    @SubscriptionMapping
    public Flux<RecognitionReadRepository.CaseView> recognitionCaseChanged(@Argument String caseId, @Argument String unitCode,
                                                                     @Argument String districtCode) {
        String id = caseId == null ? null : Args.text("caseId", caseId);
        String unit = unitCode == null ? null : Args.text("unitCode", unitCode);
        String district = districtCode == null ? null : Args.text("districtCode", districtCode);
        return feed.changes()
                .filter(changed -> id == null || id.equals(changed))
                .publishOn(Schedulers.boundedElastic())
                .map(cases::recognitionCase)
                .filter(Objects::nonNull)
                .filter(c -> unit == null || unit.equals(c.unitCode()))
                .filter(c -> district == null || district.equals(c.unitCode()) || units.find(c.unitCode())
                        .map(UnitView::parentCode).filter(district::equals).isPresent());
    }
}
