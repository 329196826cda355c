import uuid
from datetime import datetime
from typing import Annotated

from pydantic import StringConstraints
from sqlmodel import Field, SQLModel

from app.models.base import Name, UTCDateTime, new_id, utcnow

CountryCode = Annotated[str, StringConstraints(to_upper=True, pattern=r"^[A-Za-z]{2}$")]


class OrganizationBase(SQLModel):
    name: Name = Field(max_length=200, description="The partner organization's name.")
    country: CountryCode = Field(max_length=2, description="ISO 3166-1 alpha-2 country code.")
    region: Name = Field(max_length=200, description="Region, state or province it works in.")


class Organization(OrganizationBase, table=True):
    __tablename__ = "organizations"

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class OrganizationCreate(OrganizationBase):
    pass


class OrganizationUpdate(SQLModel):
    name: Name | None = None
    country: CountryCode | None = None
    region: Name | None = None


class OrganizationPublic(OrganizationBase):
    id: uuid.UUID
    created_at: datetime
