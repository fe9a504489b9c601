package org.ntmrecords.infra.api.account;

import java.util.List;
import java.util.Map;
import org.ntmrecords.query.account.AccountReadRepository;
import org.ntmrecords.query.account.AccountView;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The GraphQL queries of this feature, answered by {@link AccountReadRepository}. */
@Controller
public class AccountQueries {
    private final AccountReadRepository accountReadRepository;

    public AccountQueries(AccountReadRepository accountReadRepository) {
        this.accountReadRepository = accountReadRepository;
    }

    @QueryMapping
    public List<AccountView> accounts() {
        return accountReadRepository.accounts();
    }
}
