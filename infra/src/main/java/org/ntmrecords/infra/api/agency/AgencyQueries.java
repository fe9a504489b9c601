package org.ntmrecords.infra.api.agency;

import java.util.List;
import java.util.Map;
import org.ntmrecords.query.agency.AgencyReadRepository;
import org.ntmrecords.query.agency.AgencyReadRepository.AgencyView;
import org.ntmrecords.query.agency.AgencyReadRepository.ResponsibilityView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The GraphQL queries of this feature, answered by {@link AgencyReadRepository}. */
@Controller
public class AgencyQueries {
    private final AgencyReadRepository agencyReadRepository;

    public AgencyQueries(AgencyReadRepository agencyReadRepository) {
        this.agencyReadRepository = agencyReadRepository;
    }

    @QueryMapping
    public List<AgencyView> agencies(@Argument String unitCode) {
        return agencyReadRepository.agencies(unitCode);
    }

    @BatchMapping(typeName = "Agency", field = "responsibilities")
    public Map<AgencyView, List<ResponsibilityView>> responsibilities(List<AgencyView> agencies) {
        return agencyReadRepository.responsibilities(agencies);
    }
}
