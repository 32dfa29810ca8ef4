"""One case per cleaning rule: a small hand-written page and the reason the chrome line gets."""

from __future__ import annotations

import pytest

from storytrace.clean import clean_text

BODY_A = ("The harbour board said on Tuesday that the new ferry would start service in May, "
          "two months later than planned.")
BODY_B = ("Officials blamed the delay on a shortage of parts and said the cost of the project "
          "had not changed.")
BODY_C = "Residents have waited more than a decade for the crossing to reopen, the board said."


def page(*header: str, footer: tuple[str, ...] = (), middle: tuple[str, ...] = ()) -> str:
    return "\n".join([*header, BODY_A, *middle, BODY_B, BODY_C, *footer])


def reasons_by_text(raw: str) -> dict[str, str]:
    return {item.text: item.reason for item in clean_text(raw).removed}


@pytest.mark.parametrize(
    ("raw", "line", "reason"),
    [
        (page("Edit post", "Ferry launch delayed again"), "Edit post", "admin-link"),
        (page("Home » News » Transport", "Ferry launch delayed again"),
         "Home » News » Transport", "navigation"),
        (page("Ferry launch delayed again", "Share"), "Share", "short-link-line"),
        (page("Ferry launch delayed again", "Share Tweet Email"), "Share Tweet Email",
         "short-link-line"),
        (page("Ferry launch delayed again", "4 min read"), "4 min read", "read-time"),
        (page("Ferry launch delayed again", middle=("24",)), "24", "short-link-line"),
        (page("Ferry launch delayed again", "March 4, 2023 9:15 AM"), "March 4, 2023 9:15 AM",
         "dateline"),
        (page("date 2023-03-04 Everything you need to know about the coast",
              "Ferry launch delayed again"),
         "date 2023-03-04 Everything you need to know about the coast", "dateline"),
        (page("Ferry launch delayed again", "By Lena Ostrova"), "By Lena Ostrova", "byline"),
        (page("Ferry launch delayed again", "by Lena Ostrova March 4, 2023 9:15 AM 3 min read"),
         "by Lena Ostrova March 4, 2023 9:15 AM 3 min read", "byline"),
        (page("Ferry launch delayed again", "Posted on March 4, 2023 by Lena Ostrova"),
         "Posted on March 4, 2023 by Lena Ostrova", "byline"),
        (page("Ferry launch delayed again", "Lena Ostrova", "4 March 2023"), "Lena Ostrova",
         "byline"),
        (page("Ferry launch delayed again", "Listen to this article"), "Listen to this article",
         "audio-notice"),
        (page("Ferry launch delayed again", "This audio version was generated automatically"),
         "This audio version was generated automatically", "audio-notice"),
        (page("Ferry launch delayed again",
              "The old ferry at the quay in 2019. (Rui Santos/Coastal Photo via Wire Images)"),
         "The old ferry at the quay in 2019. (Rui Santos/Coastal Photo via Wire Images)", "caption"),
        (page("Ferry launch delayed again", "The quay at dawn. Photograph: Rui Santos/Coastline"),
         "The quay at dawn. Photograph: Rui Santos/Coastline", "caption"),
        (page("Ferry launch delayed again", "The quay at dawn. (Harbour Press Agency)"),
         "The quay at dawn. (Harbour Press Agency)", "caption"),
        (page("Ferry launch delayed again", "Rui Santos/Coastal Photo via Wire Images"),
         "Rui Santos/Coastal Photo via Wire Images", "caption"),
        (page("Ferry launch delayed again", "Image source, Wire Images"),
         "Image source, Wire Images", "caption"),
        (page("Ferry launch delayed again", "Published 3 hours ago"), "Published 3 hours ago",
         "dateline"),
        (page("Ferry launch delayed again", middle=("Story continues below advertisement",)),
         "Story continues below advertisement", "short-link-line"),
        (page("Ferry launch delayed again",
              footer=("(Reporting by Rui Santos; Editing by Mira Holt)",)),
         "(Reporting by Rui Santos; Editing by Mira Holt)", "byline"),
        (page("Ferry launch delayed again", middle=("Read more: Bridge tolls to rise in April",)),
         "Read more: Bridge tolls to rise in April", "related-link"),
        (page("Ferry launch delayed again", footer=("Tags: ferries, harbour, transport",)),
         "Tags: ferries, harbour, transport", "tag-line"),
        (page("Harbour Board, Ferries, Coastal Towns, Transport", "Ferry launch delayed again"),
         "Harbour Board, Ferries, Coastal Towns, Transport", "tag-line"),
        (page("Ferry launch delayed again", footer=("Most popular", "Bridge tolls to rise in April")),
         "Most popular", "popular-block"),
        (page("Ferry launch delayed again",
              footer=("Most read", "", "Bridge tolls to rise in April", "", "Is the pier safe?")),
         "Is the pier safe?", "headline-list"),
        (page("Ferry launch delayed again", footer=("12 Comments",)), "12 Comments",
         "comments-label"),
        (page("Ferry launch delayed again",
              footer=("Please keep comments civil. We remove spam and abusive posts without notice.",)),
         "Please keep comments civil. We remove spam and abusive posts without notice.",
         "comment-policy"),
        (page("Ferry launch delayed again",
              footer=("This article originally appeared on Coast Weekly and is republished with "
                      "permission.",)),
         "This article originally appeared on Coast Weekly and is republished with permission.",
         "syndication-notice"),
        (page("Ferry launch delayed again", footer=("Mira Holt", "About the author")),
         "Mira Holt", "author-name"),
        (page("Ferry launch delayed again", footer=("Mira Holt", "More stories by Mira Holt")),
         "More stories by Mira Holt", "author-bio"),
        (page("Ferry launch delayed again",
              footer=("Mira Holt is a reporter covering transport for the Coast Weekly.",)),
         "Mira Holt is a reporter covering transport for the Coast Weekly.", "author-bio"),
        (page("Ferry launch delayed again",
              footer=("Sign up for our morning newsletter to get the top stories every day.",)),
         "Sign up for our morning newsletter to get the top stories every day.", "promo"),
        (page("Ferry launch delayed again", footer=("© 2023 Coast Weekly. All rights reserved.",)),
         "© 2023 Coast Weekly. All rights reserved.", "copyright"),
        (page("Ferry launch delayed again",
              footer=("The views expressed in this column are those of the writer.",)),
         "The views expressed in this column are those of the writer.", "disclaimer"),
        (page("Ferry launch delayed again after inspectors find faults",
              "Live coverage: harbour board hearing, day two"),
         "Live coverage: harbour board hearing, day two", "header-fragment"),
        (page("We use cookies to improve your experience. By browsing you agree to our use of "
              "cookies.", "Ferry launch delayed again"),
         "We use cookies to improve your experience. By browsing you agree to our use of cookies.",
         "promo"),
        (page("Ferry launch delayed again",
              footer=("Harbour Wire writer Jo Lin contributed to this report.",)),
         "Harbour Wire writer Jo Lin contributed to this report.", "author-bio"),
        (page("Ferry launch delayed again"), "Ferry launch delayed again", "title"),
    ],
)
def test_clean_rule_removes_chrome_line(raw: str, line: str, reason: str) -> None:
    reasons = reasons_by_text(raw)
    assert reasons.get(line) == reason
    assert BODY_A in clean_text(raw).text


@pytest.mark.parametrize(
    ("footer", "teaser_reason"),
    [
        (("How the ferry line was saved from closure",
          "The ferry line had been losing money for years when a group of islanders decided "
          "to buy it from the council and run it themselves, sending"), "truncated-teaser"),
        (("Why the crossing matters",
          "For the island's 400 residents the crossing is the only way to reach the hospital, "
          "the schools and the..."), "truncated-teaser"),
    ],
)
def test_clean_truncated_teaser_and_its_headline(footer: tuple[str, str], teaser_reason: str) -> None:
    reasons = reasons_by_text(page("Ferry launch delayed again", footer=footer))
    assert reasons[footer[1]] == teaser_reason
    assert reasons[footer[0]] == "teaser-headline"


@pytest.mark.parametrize(
    "body_line",
    [
        "By the end of the meeting, the board had approved the plan.",
        "On March 3, 2021, the old ferry ran aground near the pier.",
        "The audio was released by the coastguard on Friday.",
        "According to the board:",
        "The board said in its newsletter that comments from residents had been mostly positive.",
        "- two new pontoons",
        "Verdict: 7/10.",
        "What happens next",
        "Tickets go on sale in May.",
        "Who pays for it?",
        "Officials Confirmed It.",
    ],
)
def test_clean_keeps_body_lines_that_look_a_little_like_chrome(body_line: str) -> None:
    raw = page("Ferry launch delayed again", middle=(body_line,))
    result = clean_text(raw)
    assert body_line not in {item.text for item in result.removed}
    assert body_line in result.text


@pytest.mark.parametrize("last_line", ["Who pays for it?", "Tickets go on sale in May.",
                                       "Not everyone agrees."])
def test_clean_keeps_a_short_closing_sentence(last_line: str) -> None:
    raw = page("Ferry launch delayed again", footer=(last_line, "Share"))
    assert last_line in clean_text(raw).text


def test_clean_keeps_live_blog_entry_stamps() -> None:
    raw = "\n".join(["Storm live: roads closed across the north", "", "10:42", BODY_A, "",
                     "10:15", BODY_B, BODY_C, "", "Updated 19:05"])
    result = clean_text(raw)
    assert "10:42" in result.text and "10:15" in result.text
    assert "Updated 19:05" not in result.text


def test_clean_hard_wrapped_text_is_joined_and_kept() -> None:
    raw = ("Coastal line to reopen\n\n"
           "The coastal rail line between two towns will reopen to passengers\n"
           "on Saturday after six weeks of repairs to track damaged by storms,\n"
           "the operator said.\n\n"
           "Engineers rebuilt 300 metres of embankment and replaced two culverts that\n"
           "had been washed out, the operator said. Services will run on a reduced\n"
           "timetable for the first week while restrictions remain in place.\n")
    result = clean_text(raw)
    assert [item.reason for item in result.removed] == ["title"]
    assert "reopen to passengers on Saturday after" in result.text
    assert result.text.count("\n\n") == 1


@pytest.mark.parametrize("standfirst", [
    "Ministers say the project will power a million homes; fishermen fear lost grounds",
    "The woman was taken to a hospital in the city",
])
def test_clean_keeps_an_unpunctuated_standfirst(standfirst: str) -> None:
    raw = page("Offshore wind farm approved despite objections", standfirst, "Sun 13 Oct 2024")
    assert standfirst in clean_text(raw).text


def test_clean_title_is_the_headline_not_the_standfirst_below_it() -> None:
    raw = page("Energy", "Offshore wind farm approved despite objections",
               "Ministers say the project will power a million homes; fishermen fear lost grounds",
               "Sun 13 Oct 2024 14.05 BST")
    result = clean_text(raw)
    assert result.header["title"][0][1] == "Offshore wind farm approved despite objections"
    assert "fishermen fear lost grounds" in result.text


def test_clean_text_paragraphs_are_separated_by_blank_lines() -> None:
    result = clean_text(page("Ferry launch delayed again"))
    assert result.text == "\n\n".join([BODY_A, BODY_B, BODY_C])
