"""Region detection: gazetteer, word boundaries, heading inheritance (예시 문서)."""

from __future__ import annotations

from pledgetrack.engine.match import MatchSettings, build_index
from pledgetrack.engine.match.region import infer_home_region, normalize_region, regions_in, resolve_region
from pledgetrack.engine.match.verdict import _contexts
from tests.engine.match.helpers import doc


def test_gazetteer_names_and_places() -> None:
    assert regions_in("광주광역시 빛그린산단 확장") == {"광주"}
    assert regions_in("무안국제공항 관문 공항 육성") == {"전남"}
    assert regions_in("광주~대구 달빛철도") == {"광주", "대구"}
    assert regions_in("호남 RE100") == {"광주", "전남", "전북"}


def test_false_friends_are_masked() -> None:
    assert regions_in("AI 대전환 시대") == frozenset()
    assert regions_in("전남대 일대 스타트업 밸리") == {"광주"}
    assert regions_in("낙동강 상류 취수원 확보") == frozenset()  # 취수원 is not 수원
    assert regions_in("경기 부양 대책") == frozenset()


def test_scope_against_home() -> None:
    assert resolve_region([("text", "여수 해상풍력")], "광주").scope == "other"
    assert resolve_region([("text", "광주·전남 공동 공약")], "광주").scope == "home"
    assert resolve_region([("text", "규제 혁파")], "광주").scope == "national"


def test_heading_governs_items_under_it() -> None:
    text = ("가나당 지역공약 (예시)\n\n광주 7대 공약\n1. 미래 모빌리티 선도 도시\n\n"
            "전남 7대 공약\n1. 광역 고속교통망 확충\n")
    index = build_index([doc(text)], MatchSettings(use_dense=False))
    by_text = {e.passage.text: i for i, e in enumerate(index.entries)}
    item = next(i for t, i in by_text.items() if "광역 고속교통망" in t)
    assert resolve_region(_contexts(index, item), "광주").regions == {"전남"}
    item = next(i for t, i in by_text.items() if "모빌리티" in t)
    assert resolve_region(_contexts(index, item), "광주").scope == "home"


def test_home_region_inference_and_names() -> None:
    assert infer_home_region(["광주 군공항 이전", "광주송정역 복합환승", "대구 연결"]) == "광주"
    assert normalize_region("광주광역시") == "광주"
    assert normalize_region("전라남도") == "전남"


def test_innermost_heading_naming_a_place_decides() -> None:
    from pledgetrack.engine.match.region import innermost_named

    # OCR turned "■ 전남 공약" into "를 전남 공약", so it hangs under the 광주 heading in the path
    assert innermost_named("광주광역시 > 를 전남 공약", " > ") == "를 전남 공약"
    assert innermost_named("광주광역시 > 청년 공약", " > ") == "광주광역시"
    assert innermost_named("청년 공약", " > ") == "청년 공약"
