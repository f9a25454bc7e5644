"""Charts drawn on the server as inline SVG: the same markup in the page and in the PDF, no
JavaScript and nothing fetched."""

from __future__ import annotations

from collections.abc import Sequence

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from peers.comparison import PeerComparison
from questionnaire.scoring.rubric import BandRange
from questionnaire.scoring.trace import DimensionScore, DimensionView

BAR_HEIGHT, GAP, LABEL_WIDTH, BAR_WIDTH = 22, 14, 210, 300
AXIS_AND_LEGEND = 72
PEERS_LEGEND = 14


def _x(score: int) -> float:
    return round(LABEL_WIDTH + BAR_WIDTH * score / 100, 1)


def _bars(dimensions: Sequence[DimensionView]) -> list[tuple[str, str, DimensionScore]]:
    """(label, dimension key, score) per bar: one per dimension, or one per market where the
    markets' scores differ."""
    bars = []
    for dimension in dimensions:
        if dimension.differs:
            bars += [(f"{dimension.label}, {who}", dimension.key, s) for who, s in dimension.scores]
        else:
            bars.append((dimension.label, dimension.key, dimension.scores[0][1]))
    return bars


def dimension_chart(
    dimensions: Sequence[DimensionView], bands: Sequence[BandRange], peers: PeerComparison
) -> SafeString:
    """Horizontal bars, one per dimension (per market, where the markets differ), 0-100,
    with where each band starts marked and the weak dimensions in red (both as the
    questionnaire edition sets them); under each dimension's first bar, when there are
    enough peers, the middle half of their scores and their median."""
    rows, shown = [], set()
    for index, (label, key, score) in enumerate(_bars(dimensions)):
        rows.append(
            {
                "label": label,
                "score": score.score,
                "y": index * (BAR_HEIGHT + GAP),
                "width": round(BAR_WIDTH * score.score / 100, 1),
                "weak": score.weak,
                "peers": None if key in shown else _middle(peers.middles.get(key)),
            }
        )
        shown.add(key)
    plot_height = len(rows) * (BAR_HEIGHT + GAP)
    context = {
        "rows": rows,
        # below the bars: the 0-100 axis with its title, then the legend
        "height": plot_height + AXIS_AND_LEGEND + (PEERS_LEGEND if peers.dimensions else 0),
        "plot_height": plot_height,
        "axis_y": plot_height + 14,
        "axis_title_y": plot_height + 30,
        "legend_y": plot_height + 44,
        "ticks": [{"x": _x(value), "value": value} for value in range(0, 101, 20)],
        "band_labels": ", ".join(f"{band.label} from {band.low}" for band in bands if band.low),
        "width": LABEL_WIDTH + BAR_WIDTH + 50,
        "bar_x": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
        "bar_width": BAR_WIDTH,
        "text_dy": BAR_HEIGHT * 0.7,
        "value_x": LABEL_WIDTH + BAR_WIDTH + 8,
        "lines": [_x(band.low) for band in bands if band.low > 0],
        "summary": "; ".join(_spoken(row) for row in rows),
        "peers": bool(peers.dimensions),
    }
    return SafeString(render_to_string("reports/_dimension_chart.svg", context))


def _middle(scores: tuple[int, int, int] | None) -> dict | None:
    if scores is None:
        return None
    low, median, high = scores
    return {
        "low": low,
        "median": median,
        "high": high,
        "x": _x(low),
        "median_x": _x(median),
        "width": max(_x(high) - _x(low), 2),
    }


def _spoken(row: dict) -> str:
    words = f"{row['label']} {row['score']} out of 100"
    if row["peers"]:
        words += f" (middle half of peers {row['peers']['low']} to {row['peers']['high']})"
    return words
