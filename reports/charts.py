"""Charts drawn on the server as inline SVG: the same markup in the page and in the PDF, no
JavaScript and nothing fetched."""

from __future__ import annotations

from collections.abc import Sequence

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from questionnaire.scoring import BandRange, DimensionResult

BAR_HEIGHT, GAP, LABEL_WIDTH, BAR_WIDTH = 22, 14, 150, 300
AXIS_AND_LEGEND = 72


def dimension_chart(
    dimensions: Sequence[DimensionResult], bands: Sequence[BandRange]
) -> SafeString:
    """Horizontal bars, one per dimension, 0-100, with where each band starts marked and the
    weak dimensions in red (both as the questionnaire edition sets them)."""
    rows = [
        {
            "label": dimension.label,
            "score": dimension.score,
            "y": index * (BAR_HEIGHT + GAP),
            "width": round(BAR_WIDTH * dimension.score / 100, 1),
            "weak": dimension.weak,
        }
        for index, dimension in enumerate(dimensions)
    ]
    plot_height = len(rows) * (BAR_HEIGHT + GAP)
    context = {
        "rows": rows,
        # below the bars: the 0-100 axis with its title, then the legend
        "height": plot_height + AXIS_AND_LEGEND,
        "plot_height": plot_height,
        "axis_y": plot_height + 14,
        "axis_title_y": plot_height + 30,
        "legend_y": plot_height + 44,
        "ticks": [
            {"x": LABEL_WIDTH + BAR_WIDTH * value / 100, "value": value}
            for value in range(0, 101, 20)
        ],
        "band_labels": ", ".join(f"{band.label} from {band.low}" for band in bands if band.low),
        "width": LABEL_WIDTH + BAR_WIDTH + 50,
        "bar_x": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
        "bar_width": BAR_WIDTH,
        "text_dy": BAR_HEIGHT * 0.7,
        "value_x": LABEL_WIDTH + BAR_WIDTH + 8,
        "lines": [LABEL_WIDTH + BAR_WIDTH * band.low / 100 for band in bands if band.low > 0],
        "summary": "; ".join(f"{row['label']} {row['score']} out of 100" for row in rows),
    }
    return SafeString(render_to_string("reports/_dimension_chart.svg", context))
