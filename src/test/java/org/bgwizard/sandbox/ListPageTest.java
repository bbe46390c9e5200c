package org.bgwizard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bgwizard.sandbox.core.ListPage;
import org.junit.jupiter.api.Test;

class ListPageTest {
  private static ListPage<String> page(List<String> all, String token, int max) {
    return ListPage.of(all, Function.identity(), token, max, () -> new IllegalArgumentException("bad token"));
  }

  @Test
  void pages_resumeAfterTheLastKey_andTheLastPageHasNoToken() {
    List<String> all = List.of("a", "b", "c", "d", "e");
    var first = page(all, null, 2);
    var second = page(all, first.nextToken(), 2);
    var third = page(all, second.nextToken(), 2);

    assertEquals(List.of("a", "b"), first.items());
    assertEquals(List.of("c", "d"), second.items());
    assertEquals(List.of("e"), third.items());
    assertNull(third.nextToken());
  }

  @Test
  void deletingTheLastReturnedItem_neitherSkipsNorRepeatsTheOthers() {
    List<String> all = new ArrayList<>(List.of("a", "b", "c", "d"));
    var first = page(all, null, 2);
    all.remove("b");

    assertEquals(List.of("c", "d"), page(all, first.nextToken(), 2).items());
  }

  @Test
  void aTokenTheServiceDidNotIssue_isTheServicesError() {
    assertThrows(IllegalArgumentException.class, () -> page(List.of("a"), "bm90LW91cnM", 2));
  }

  @Test
  void byPosition_resumesAtTheOffset_soADeletionBeforeItSkipsOne() {
    List<String> all = new ArrayList<>(List.of("a", "b", "c", "d"));
    var first = ListPage.byPosition(all, null, 2, () -> new IllegalArgumentException("bad token"));
    all.remove("b");

    assertEquals(List.of("a", "b"), first.items());
    assertEquals(List.of("d"), ListPage.byPosition(all, first.nextToken(), 2, IllegalStateException::new).items());
  }

  @Test
  void byPosition_aTokenOfTheKeyPaginator_isTheServicesError() {
    String keyToken = page(List.of("a", "b"), null, 1).nextToken();

    assertThrows(IllegalStateException.class,
        () -> ListPage.byPosition(List.of("a", "b"), keyToken, 1, IllegalStateException::new));
  }
}
