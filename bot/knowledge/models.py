"""SQLAlchemy models, shaped after Open Referral HSDS: organisation, service (our tool), location,
and the crisis help lines.

Rules are stored as JSON trees (the parsed form of data/knowledge) so that the database alone is
enough to rebuild the catalogue; the YAML files stay the place where people edit them.
"""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Source(Base):
    __tablename__ = "source"
    id = Column(String(64), primary_key=True)
    title = Column(Text, nullable=False)
    url = Column(Text)
    date = Column(Date)


class Institution(Base):
    __tablename__ = "institution"
    id = Column(String(64), primary_key=True)
    position = Column(Integer, nullable=False)
    name = Column(Text, nullable=False)
    short_name = Column(Text, nullable=False)
    role = Column(String(16), nullable=False)  # key | supporting
    description = Column(Text, nullable=False)
    legal_basis = Column(JSON, nullable=False, default=list)
    tasks = Column(JSON, nullable=False, default=list)
    target_groups = Column(JSON, nullable=False, default=list)
    cooperation_area = Column(JSON, nullable=False, default=list)
    how_to_apply = Column(Text)
    documents = Column(JSON, nullable=False, default=list)
    fallback_contact = Column(JSON, nullable=False, default=dict)
    steps = Column(JSON, nullable=False, default=list)  # the way in: [{text, via, unless, because}]
    source_id = Column(String(64), ForeignKey("source.id"), nullable=False)
    source_passage = Column(Text, nullable=False)
    verified_at = Column(Date)
    tools = relationship("Tool", back_populates="institution", order_by="Tool.position")
    locations = relationship("Location", back_populates="institution", order_by="Location.id")


class Tool(Base):
    __tablename__ = "tool"
    id = Column(String(64), primary_key=True)
    institution_id = Column(String(64), ForeignKey("institution.id"), nullable=False, index=True)
    position = Column(Integer, nullable=False)
    name = Column(Text, nullable=False)
    description = Column(Text, nullable=False)
    eligibility_text = Column(Text, nullable=False)
    benefits = Column(Text)
    duration = Column(Text)
    how_to_apply = Column(Text)
    documents = Column(JSON, nullable=False, default=list)
    source_id = Column(String(64), ForeignKey("source.id"), nullable=False)
    source_passage = Column(Text, nullable=False)
    verified_at = Column(Date)
    institution = relationship("Institution", back_populates="tools")


class Rule(Base):
    """A rule tree owned by a tool or an institution; `kind` says what it decides."""

    __tablename__ = "rule"
    id = Column(Integer, primary_key=True, autoincrement=True)
    owner_type = Column(String(16), nullable=False)  # tool | institution | condition
    owner_id = Column(String(64), nullable=False, index=True)
    kind = Column(String(16), nullable=False)  # eligibility | participants | extra | named
    expression = Column(JSON, nullable=False)
    reason = Column(Text)  # for extras: the reason shown when `expression` holds


class LegalNote(Base):
    __tablename__ = "legal_note"
    id = Column(Integer, primary_key=True, autoincrement=True)
    owner_type = Column(String(16), nullable=False)  # tool | institution
    owner_id = Column(String(64), nullable=False, index=True)
    date = Column(Date, nullable=False)
    text = Column(Text, nullable=False)
    source_id = Column(String(64), ForeignKey("source.id"), nullable=False)


class Location(Base):
    __tablename__ = "location"
    id = Column(Integer, primary_key=True, autoincrement=True)
    institution_id = Column(String(64), ForeignKey("institution.id"), nullable=False, index=True)
    district = Column(String(32))  # None: serves the whole city
    serves = Column(JSON, nullable=False, default=list)  # districts a city-wide seat is meant for
    name = Column(Text, nullable=False)
    address = Column(Text)
    phone = Column(Text)
    email = Column(Text)
    url = Column(Text)
    source_url = Column(Text, nullable=False)
    source_date = Column(Date)
    notes = Column(Text)
    primary = Column(Boolean, nullable=False, default=False)
    confirmed = Column(Boolean, nullable=False, default=False)  # no: the source itself leaves it in doubt
    institution = relationship("Institution", back_populates="locations")


class Helpline(Base):
    """A crisis help line; every number comes from a dated source (`source_id`), never from code."""

    __tablename__ = "helpline"
    id = Column(String(64), primary_key=True)
    position = Column(Integer, nullable=False)  # file order: the order lines are offered in
    number = Column(String(32), nullable=False, unique=True)  # as people dial it, e.g. "116 123"
    name = Column(Text, nullable=False)
    description = Column(Text, nullable=False)
    hours = Column(Text)  # None: the source states no hours
    categories = Column(JSON, nullable=False, default=list)  # suicide | violence | shelter | emergency
    source_id = Column(String(64), ForeignKey("source.id"), nullable=False)
    verified_at = Column(Date, nullable=False)
    # language code (uk, en) -> id of the source that says the line answers in it; Polish is implied
    languages = Column(JSON, nullable=False, default=dict)


class Meta(Base):
    """Key/value facts about the loaded data, e.g. the hash of the files last loaded."""

    __tablename__ = "meta"
    key = Column(String(64), primary_key=True)
    value = Column(Text, nullable=False)
