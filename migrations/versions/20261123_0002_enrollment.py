"""Enrollment: demonstrations and liaisons, friend groups, households, members, network tags,
invitations, consent records; users.household_id.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 16:51:38.839609
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('demonstrations',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('area', sa.String(length=200), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('stipend_amount_minor', sa.BigInteger(), nullable=False),
    sa.Column('stipend_currency', sa.String(length=3), nullable=False),
    sa.Column('friends_per_seed', sa.Integer(), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('organization_id', sa.Uuid(), nullable=False),
    sa.Column('phase', sa.Enum('I', 'II', name='demonstration_phase', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('friends_per_seed BETWEEN 1 AND 50', name=op.f('ck_demonstrations_friends_per_seed_range')),
    sa.CheckConstraint('stipend_amount_minor >= 0', name=op.f('ck_demonstrations_stipend_not_negative')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_demonstrations_organization_id_organizations'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_demonstrations'))
    )
    op.create_index(op.f('ix_demonstrations_organization_id'), 'demonstrations', ['organization_id'])

    op.create_table('friend_groups',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('demonstration_id', sa.Uuid(), nullable=False),
    sa.Column('friends_count', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('friends_count BETWEEN 0 AND 50', name=op.f('ck_friend_groups_friends_count_range')),
    sa.ForeignKeyConstraint(['demonstration_id'], ['demonstrations.id'], name=op.f('fk_friend_groups_demonstration_id_demonstrations'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_friend_groups'))
    )
    op.create_index(op.f('ix_friend_groups_demonstration_id'), 'friend_groups', ['demonstration_id'])

    op.create_table('households',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('demonstration_id', sa.Uuid(), nullable=False),
    sa.Column('friend_group_id', sa.Uuid(), nullable=False),
    sa.Column('is_seed', sa.Boolean(), nullable=False),
    sa.Column('label', sa.String(length=80), nullable=False),
    sa.Column('preferred_language', sa.String(length=35), nullable=False),
    sa.Column('adults_count', sa.Integer(), nullable=False),
    sa.Column('children_count', sa.Integer(), nullable=False),
    sa.Column('shared_with_group', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('adults_count BETWEEN 0 AND 30', name=op.f('ck_households_adults_count_range')),
    sa.CheckConstraint('children_count BETWEEN 0 AND 30', name=op.f('ck_households_children_count_range')),
    sa.ForeignKeyConstraint(['demonstration_id'], ['demonstrations.id'], name=op.f('fk_households_demonstration_id_demonstrations'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['friend_group_id'], ['friend_groups.id'], name=op.f('fk_households_friend_group_id_friend_groups'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_households'))
    )
    op.create_index(op.f('ix_households_demonstration_id'), 'households', ['demonstration_id'])
    op.create_index(op.f('ix_households_friend_group_id'), 'households', ['friend_group_id'])

    op.create_table('household_members',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('first_name', sa.String(length=80), nullable=True),
    sa.Column('age_band', sa.Enum('0-5', '6-11', '12-17', '18-29', '30-49', '50-64', '65+', name='age_band', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('relation', sa.Enum('self', 'partner', 'child', 'parent', 'grandparent', 'grandchild', 'sibling', 'other_relative', 'other', name='relation', native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['households.id'], name=op.f('fk_household_members_household_id_households'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_household_members'))
    )
    op.create_index(op.f('ix_household_members_household_id'), 'household_members', ['household_id'])

    op.create_table('household_network_tags',
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.Enum('culture', 'religion', 'language', 'neighbourhood', name='network_kind', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('value', sa.String(length=80), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['households.id'], name=op.f('fk_household_network_tags_household_id_households'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('household_id', 'kind', 'value', name=op.f('pk_household_network_tags'))
    )
    op.create_table('consent_records',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('purpose', sa.Enum('program_data', 'share_beyond_group', 'public_feature', name='consent_purpose', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('granted', sa.Boolean(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('recorded_by_user_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['household_id'], ['households.id'], name=op.f('fk_consent_records_household_id_households'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by_user_id'], ['users.id'], name=op.f('fk_consent_records_recorded_by_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consent_records'))
    )
    op.create_index('ix_consent_records_household_purpose', 'consent_records', ['household_id', 'purpose', 'recorded_at'])

    op.create_table('demonstration_liaisons',
    sa.Column('demonstration_id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('assigned_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('assigned_by_user_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['assigned_by_user_id'], ['users.id'], name=op.f('fk_demonstration_liaisons_assigned_by_user_id_users')),
    sa.ForeignKeyConstraint(['demonstration_id'], ['demonstrations.id'], name=op.f('fk_demonstration_liaisons_demonstration_id_demonstrations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_demonstration_liaisons_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('demonstration_id', 'user_id', name=op.f('pk_demonstration_liaisons'))
    )
    op.create_index(op.f('ix_demonstration_liaisons_user_id'), 'demonstration_liaisons', ['user_id'])

    op.create_table('invitations',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('friend_group_id', sa.Uuid(), nullable=False),
    sa.Column('issued_by_household_id', sa.Uuid(), nullable=False),
    sa.Column('issued_by_user_id', sa.Uuid(), nullable=True),
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('phone_hash', sa.String(length=64), nullable=True),
    sa.Column('phone_hint', sa.String(length=20), nullable=True),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked_by_user_id', sa.Uuid(), nullable=True),
    sa.Column('redeemed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('redeemed_by_household_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['friend_group_id'], ['friend_groups.id'], name=op.f('fk_invitations_friend_group_id_friend_groups'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['issued_by_household_id'], ['households.id'], name=op.f('fk_invitations_issued_by_household_id_households'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['issued_by_user_id'], ['users.id'], name=op.f('fk_invitations_issued_by_user_id_users')),
    sa.ForeignKeyConstraint(['redeemed_by_household_id'], ['households.id'], name=op.f('fk_invitations_redeemed_by_household_id_households'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['revoked_by_user_id'], ['users.id'], name=op.f('fk_invitations_revoked_by_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invitations')),
    sa.UniqueConstraint('code_hash', name=op.f('uq_invitations_code_hash'))
    )
    op.create_index(op.f('ix_invitations_friend_group_id'), 'invitations', ['friend_group_id'])

    # SQLite cannot add a foreign key to a table in place: batch mode copies the table there.
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('household_id', sa.Uuid(), nullable=True))
        batch_op.create_index(batch_op.f('ix_users_household_id'), ['household_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_users_household_id_households'), 'households', ['household_id'], ['id'], ondelete='SET NULL')



def downgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_users_household_id_households'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_users_household_id'))
        batch_op.drop_column('household_id')

    op.drop_index(op.f('ix_invitations_friend_group_id'), table_name='invitations')
    op.drop_table('invitations')
    op.drop_index(op.f('ix_demonstration_liaisons_user_id'), table_name='demonstration_liaisons')
    op.drop_table('demonstration_liaisons')
    op.drop_index('ix_consent_records_household_purpose', table_name='consent_records')
    op.drop_table('consent_records')
    op.drop_table('household_network_tags')
    op.drop_index(op.f('ix_household_members_household_id'), table_name='household_members')
    op.drop_table('household_members')
    op.drop_index(op.f('ix_households_friend_group_id'), table_name='households')
    op.drop_index(op.f('ix_households_demonstration_id'), table_name='households')
    op.drop_table('households')
    op.drop_index(op.f('ix_friend_groups_demonstration_id'), table_name='friend_groups')
    op.drop_table('friend_groups')
    op.drop_index(op.f('ix_demonstrations_organization_id'), table_name='demonstrations')
    op.drop_table('demonstrations')
