package org.ntmrecords.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ntmrecords.infra.support.Browser;
import org.ntmrecords.infra.support.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The landing page and GraphiQL in a real headless Chromium: sign-in checked, the schema in the docs pane, a query run. */
class GraphiQlBrowserIT extends IntegrationTest {
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void open() {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        awaitProjections();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn(String user, String password) {
        WebElement name = browser.findElement(By.id("username"));
        name.clear();
        name.sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("#signin button[type=submit]")).click();
    }

    @Test
    void theLandingPageIsTheApplicationsSignInAndLeadsToGraphiQl() {
        browser.get(url("/"));
        assertThat(browser.getTitle()).contains("NTM Records");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Nông thôn mới"));
        Browser.screenshot(browser, "landing");
        browser.findElement(By.linkText("GraphiQL")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signin")));
        assertThat(browser.getCurrentUrl()).endsWith("/graphiql");
    }

    @Test
    void aWrongPasswordIsSaidAndTheRightOneOpensTheSchemaAndRunsAQuery() {
        browser.get(url("/graphiql/"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".graphiql-container")));
        // before signing in, the page says so instead of showing the schema request's refusal
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Hãy đăng nhập trước"));
        signIn("auditor", "not-the-password");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Sai tên đăng nhập hoặc mật khẩu"));
        assertThat(browser.findElement(By.id("status")).getAttribute("class")).isEqualTo("error");
        Browser.screenshot(browser, "graphiql-wrong-password");

        signIn("auditor", PASSWORD);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Đã đăng nhập"));
        assertThat(browser.findElement(By.id("status")).getText()).contains("Đã đăng nhập").contains("auditor");

        browser.findElement(By.cssSelector("button[aria-label='Show Documentation Explorer']")).click();
        WebElement docs = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".graphiql-doc-explorer")));
        wait.until(d -> docs.getText().contains("Query"));
        assertThat(docs.getText()).doesNotContain("Error fetching schema").contains("Mutation").contains("Subscription");
        Browser.screenshot(browser, "graphiql-docs");

        browser.findElement(By.cssSelector(".graphiql-execute-button")).click();
        WebElement result = browser.findElement(By.cssSelector(".graphiql-response"));
        wait.until(d -> result.getText().contains("criteriaMet"));
        assertThat(result.getText()).contains("\"criteriaTotal\": 19").doesNotContain("TypeError");
        Browser.screenshot(browser, "graphiql-result");
    }
}
