package org.ntmrecords.infra.api.audit;

import org.ntmrecords.query.audit.WhatIf;
import org.ntmrecords.query.audit.WhatIfAppraiser;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** What-if appraisals over GraphQL. */
@Controller
public class WhatIfQueries {
    private final WhatIfAppraiser appraiser;

    public WhatIfQueries(WhatIfAppraiser appraiser) {
        this.appraiser = appraiser;
    }

    @QueryMapping
    public WhatIf whatIf(@Argument WhatIf.Request input) {
        return appraiser.evaluate(input);
    }
}
