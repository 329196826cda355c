"""Progress rollups (kept current as surveys are verified) and the measurement read schemas.

`household_progress`: one row per household with a verified survey: its baseline (first
verified month) and latest verified values of the dashboard indicators.
`demonstration_month_stats`: per demonstration, friend group and month: verified surveys and
the sums of the indicators over them. Dashboards read these, never every survey.
"""

import uuid
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.models.base import UTCDateTime, utcnow

# Total income is the sum of the three income answers; the rest are core answers as they are.
DASHBOARD_INDICATORS = (
    "total_income",
    "savings",
    "debt",
    "children_in_school",
    "help_given_count",
    "help_received_count",
)


def _value() -> Any:
    return Field(default=None, sa_type=sa.BigInteger, nullable=True)


class HouseholdProgress(SQLModel, table=True):
    __tablename__ = "household_progress"
    __table_args__ = (sa.Index("ix_household_progress_demonstration", "demonstration_id"),)

    household_id: uuid.UUID = Field(
        foreign_key="households.id", primary_key=True, ondelete="CASCADE"
    )
    demonstration_id: uuid.UUID = Field(foreign_key="demonstrations.id", ondelete="CASCADE")
    friend_group_id: uuid.UUID = Field(foreign_key="friend_groups.id", ondelete="CASCADE")
    verified_months: int = 0
    baseline_period: str = Field(max_length=7)
    latest_period: str = Field(max_length=7)
    baseline_total_income: int | None = _value()
    latest_total_income: int | None = _value()
    baseline_savings: int | None = _value()
    latest_savings: int | None = _value()
    baseline_debt: int | None = _value()
    latest_debt: int | None = _value()
    baseline_children_in_school: int | None = _value()
    latest_children_in_school: int | None = _value()
    baseline_help_given_count: int | None = _value()
    latest_help_given_count: int | None = _value()
    baseline_help_received_count: int | None = _value()
    latest_help_received_count: int | None = _value()
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class DemonstrationMonthStats(SQLModel, table=True):
    __tablename__ = "demonstration_month_stats"

    demonstration_id: uuid.UUID = Field(
        foreign_key="demonstrations.id", primary_key=True, ondelete="CASCADE"
    )
    friend_group_id: uuid.UUID = Field(
        foreign_key="friend_groups.id", primary_key=True, ondelete="CASCADE"
    )
    period: str = Field(max_length=7, primary_key=True)
    verified_count: int = 0
    sum_total_income: int = Field(default=0, sa_type=sa.BigInteger)
    sum_savings: int = Field(default=0, sa_type=sa.BigInteger)
    sum_debt: int = Field(default=0, sa_type=sa.BigInteger)
    sum_children_in_school: int = Field(default=0, sa_type=sa.BigInteger)
    sum_help_given_count: int = Field(default=0, sa_type=sa.BigInteger)
    sum_help_received_count: int = Field(default=0, sa_type=sa.BigInteger)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


# Read schemas.


class Figure(SQLModel):
    """A number built from households: `null` and `suppressed: true` when fewer than 5."""

    value: float | None
    suppressed: bool


class SeriesPoint(SQLModel):
    period: str = Field(description="`YYYY-MM`.")
    value: int


class IndicatorProgress(SQLModel):
    indicator: str = Field(description="Core question id, or `total_income` (the three incomes).")
    label: str = Field(description="In the household's language.")
    baseline: int | None = Field(description="In the first verified survey.")
    baseline_period: str | None
    latest: int | None = Field(description="In the latest verified survey.")
    latest_period: str | None
    change: int | None = Field(description="latest - baseline.")
    series: list[SeriesPoint] = Field(description="Verified months, oldest first.")


class MyProgress(SQLModel):
    household_id: uuid.UUID
    language: str
    currency: str = Field(description="Currency of money indicators (minor units).")
    verified_months: int
    indicators: list[IndicatorProgress]


class IndicatorChange(SQLModel):
    indicator: str
    households: Figure = Field(description="Households with a baseline and a later month.")
    mean_baseline: Figure
    mean_latest: Figure
    mean_change: Figure
    median_change: Figure


class MonthFigures(SQLModel):
    period: str
    submitted: Figure = Field(description="Households that sent the month's survey.")
    verified: Figure
    completion_rate: Figure = Field(description="submitted / households enrolled.")
    verification_rate: Figure = Field(description="verified / submitted.")
    mean_total_income: Figure = Field(description="Over verified surveys of the month.")


class GroupDashboard(SQLModel):
    friend_group_id: uuid.UUID
    seed_label: str
    households_enrolled: Figure
    households_active: Figure = Field(description="With a verified survey in the last 3 months.")
    changes: list[IndicatorChange]
    practices_posted: Figure
    practices_adopted: Figure = Field(description="Adoptions by the group's households.")


class Dashboard(SQLModel):
    demonstration_id: uuid.UUID
    currency: str
    minimum_households: int = Field(description="Figures from fewer households are suppressed.")
    households_enrolled: Figure
    households_active: Figure
    months: list[MonthFigures]
    changes: list[IndicatorChange]
    practices_posted: Figure
    practices_adopted: Figure
    groups: list[GroupDashboard]


class MeasurementBlock(SQLModel):
    households: Figure
    changes: list[IndicatorChange]


class OrganizationMeasurement(MeasurementBlock):
    organization_id: uuid.UUID
    organization_name: str


class Measurement(SQLModel):
    minimum_households: int
    total: MeasurementBlock
    organizations: list[OrganizationMeasurement]


class PublicMeasurement(SQLModel):
    minimum_households: int
    total: MeasurementBlock


class ErasureReceipt(SQLModel):
    household_id: uuid.UUID
    erased_at: datetime
    erased: dict[str, int] = Field(description="Records changed, per table.")
