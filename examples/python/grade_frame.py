"""Grade a frame of food businesses through the food plugin, as a city data
team would: a pandas DataFrame in, a DataFrame of grades with the articles
applied out (SAMR Order 49; CFDA 2016 scheme cut-offs).

    python grade_frame.py PLUGINS_DIR
"""

from __future__ import annotations

import sys

import pandas as pd

import jianguan


def main(plugins_dir: str) -> None:
    sup = jianguan.Supervisor(plugins_dir=plugins_dir)
    for failure in sup.load_report.failures:
        print("refused:", failure, file=sys.stderr)
    businesses = pd.DataFrame(
        {
            "uscc": ["91370283MA00000009", "91370283MA0007919U", "92370283MA0118785R"],
            "business_type": ["seller", "central_kitchen", "caterer"],
            "static_score": [10, 40, 20],
            "dynamic_score": [15.0, 35.0, 26.5],
        }
    )
    grades = sup.grade("food", businesses).to_pandas()
    print(grades[["uscc", "grade", "score"]].to_string(index=False))
    worst = grades.sort_values("score", ascending=False).iloc[0]
    print(f"highest risk: {worst['uscc']} grade {worst['grade']} ({worst['score']:g} points)")
    print(f"  because: {'; '.join(r['citation'] + ': ' + r['detail'] for r in worst['reasons'])}")
    try:
        sup.grade("food", businesses.drop(columns=["dynamic_score"]))
    except jianguan.FactsError as e:
        print(f"refused as expected ({e.kind}): {e}")


if __name__ == "__main__":
    main(sys.argv[1])
