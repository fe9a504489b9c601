package org.ntmrecords.infra.api.scorecard;

import org.ntmrecords.events.scorecard.ScorecardId;
import org.ntmrecords.query.common.Args;
import org.ntmrecords.query.scorecard.ItemAssessmentReadRepository;
import org.ntmrecords.query.scorecard.ItemAssessmentView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The item-by-item assessment that counts for an itemised indicator of a unit. */
@Controller
public class ItemAssessmentQueries {
    private final ItemAssessmentReadRepository assessments;

    public ItemAssessmentQueries(ItemAssessmentReadRepository assessments) {
        this.assessments = assessments;
    }

    @QueryMapping
    public ItemAssessmentView itemAssessment(@Argument String unitCode, @Argument String setId,
                                             @Argument String indicatorCode) {
        return assessments.find(ScorecardId.of(Args.text("unitCode", unitCode), Args.text("setId", setId)),
                Args.text("indicatorCode", indicatorCode)).orElse(null);
    }
}
