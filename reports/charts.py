"""Charts drawn on the server as inline SVG: the same markup in the page and in the PDF, no
JavaScript and nothing fetched."""

from __future__ import annotations

from collections.abc import Sequence

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from peers.comparison import PeerComparison
from questionnaire.scoring import BandRange, DimensionResult

BAR_HEIGHT, GAP, LABEL_WIDTH, BAR_WIDTH = 22, 14, 150, 300
AXIS_AND_LEGEND = 72
PEERS_LEGEND = 14


def _x(score: int) -> float:
    return round(LABEL_WIDTH + BAR_WIDTH * score / 100, 1)


def dimension_chart(
    dimensions: Sequence[DimensionResult], bands: Sequence[BandRange], peers: PeerComparison
) -> SafeString:
    """Horizontal bars, one per dimension, 0-100, with where each band starts marked and the
    weak dimensions in red (both as the questionnaire edition sets them); under each bar,
    when there are enough peers, the middle half of their scores and their median."""
    rows = [
        {
            "label": dimension.label,
            "score": dimension.score,
            "y": index * (BAR_HEIGHT + GAP),
            "width": round(BAR_WIDTH * dimension.score / 100, 1),
            "weak": dimension.weak,
            "peers": _middle(peers.middles.get(dimension.key)),
        }
        for index, dimension in enumerate(dimensions)
    ]
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
