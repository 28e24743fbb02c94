"""A small organisation (a shop team, an ops team, KPIs and their logs) shared by the scoring and report tests."""

from __future__ import annotations

SHOP = """\
team: shop
period: {id: T1, start: 2026-01-01, end: 2026-04-11}
objectives:
  - id: checkout
    title: Make checkout effortless
    type: committed
    key_results:
      - {id: latency, title: Cut p95 latency from 1200 ms to 400 ms, baseline: 1200, target: 400, unit: ms, weight: 2}
      - {id: conversion, title: Raise conversion from 50% to 60%, baseline: 50, target: 60, unit: "%"}
      - {id: one-click, title: Ship one-click checkout, milestone: true}
  - id: growth
    title: Grow a loyal audience
    type: aspirational
    key_results:
      - {id: errors, title: Keep error rate between 0% and 1%, range: {min: 0, max: 1}, baseline: 3, unit: "%",
         weight: 2}
      - {id: nps, title: Raise NPS from 40 to 60, baseline: 40, target: 60, unit: points, kpi: nps}
      - {id: signups, title: Reach 500 weekly signups, target: 500, unit: signups}
      - {id: churn, title: Cut churn from 5% to 3%, baseline: 5, target: 3, unit: "%"}
"""
OPS = """\
team: ops
period: {id: T1, start: 2026-01-01, end: 2026-04-11}
objectives:
  - id: launch
    title: Launch the new data centre
    type: committed
    key_results:
      - {id: cutover, title: Cut over all 3 regions, milestone: true}
      - {id: runbook, title: Publish the 1 runbook, milestone: true}
"""
KPIS = """\
kpis:
  - {id: nps, name: NPS, source: survey, direction: increase, target: 45}
  - {id: latency, name: Latency, source: apm, direction: decrease, target: 300}
  - {id: uptime, name: Uptime, source: pingdom, range: {min: 99, max: 100}}
"""
SHOP_LOG = """\
team: shop
checkins:
  - {date: 2026-01-11, kr: checkout/latency, value: 1100, confidence: 0.9}
  - {date: 2026-01-31, kr: checkout/latency, value: 900, confidence: 0.8}
  - {date: 2026-02-10, kr: checkout/latency, value: 850, confidence: 0.9}
  - {date: 2026-02-10, kr: checkout/latency, value: 800, confidence: 0.6}
  - {date: 2026-03-01, kr: checkout/latency, value: 100, confidence: 1.0}
  - {date: 2026-02-15, kr: checkout/conversion, value: 62}
  - {date: 2026-02-01, kr: checkout/one-click, value: 0.25, confidence: 0.5}
  - {date: 2026-02-19, kr: checkout/one-click, value: 0.3}
  - {date: 2026-02-05, kr: growth/errors, value: 2}
  - {date: 2026-02-06, kr: growth/signups, value: 300}
"""
OPS_LOG = """\
team: ops
checkins:
  - {date: 2026-02-01, kr: launch/cutover, value: false}
  - {date: 2026-02-18, kr: launch/cutover, value: true}
"""
KPI_LOG = """\
checkins:
  - {date: 2025-12-20, kpi: nps, value: 55}
  - {date: 2026-01-21, kpi: nps, value: 44}
  - {date: 2026-02-10, kpi: nps, value: 46}
  - {date: 2026-02-25, kpi: nps, value: 70}
  - {date: 2026-02-01, kpi: latency, value: 350}
"""

# One shop team's Q4 OKR set (a metric KR and a milestone) and a KPI catalogue, for check-in and CSV tests.
SHOP_Q4 = """\
team: shop
period: 2026-Q4
objectives:
  - id: checkout
    title: Make checkout effortless
    key_results:
      - {id: latency, title: Cut p95 latency from 1200 ms to 400 ms, baseline: 1200, target: 400, unit: ms}
      - {id: one-click, title: Ship one-click checkout, milestone: true}
"""
SHOP_KPIS = "kpis:\n  - {id: nps, name: NPS, source: survey, target: 60}\n"
