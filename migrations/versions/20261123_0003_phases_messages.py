"""Phases and messages: phase changes, liaison messages (delivered and blocked) with the
reasons of their verdicts, deliveries to households' inboxes, and families' replies.

Revision ID: 0003_messages
Revises: 0002
Create Date: 2026-11-23 16:58:30.740498
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0003_messages'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('liaison_messages',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('organization_id', sa.Uuid(), nullable=False),
    sa.Column('demonstration_id', sa.Uuid(), nullable=False),
    sa.Column('sender_user_id', sa.Uuid(), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=True),
    sa.Column('friend_group_id', sa.Uuid(), nullable=True),
    sa.Column('channel', sa.Enum('message', 'review_comment', name='staff_text_channel', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('intent', sa.Enum('verification', 'logistics', 'best_practice', name='message_intent', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('text', sa.String(length=1000), nullable=False),
    sa.Column('language', sa.String(length=35), nullable=True),
    sa.Column('detected_language', sa.String(length=35), nullable=False),
    sa.Column('language_supported', sa.Boolean(), nullable=False),
    sa.Column('phase', sa.Enum('I', 'II', name='message_phase', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('category', sa.Enum('advice', 'best_practice', 'neutral', name='message_category', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('status', sa.Enum('delivered', 'blocked', name='message_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('client_message_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("channel <> 'message' OR household_id IS NOT NULL OR friend_group_id IS NOT NULL", name=op.f('ck_liaison_messages_message_has_recipient')),
    sa.CheckConstraint('household_id IS NULL OR friend_group_id IS NULL', name=op.f('ck_liaison_messages_at_most_one_recipient')),
    sa.ForeignKeyConstraint(['demonstration_id'], ['demonstrations.id'], name=op.f('fk_liaison_messages_demonstration_id_demonstrations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['friend_group_id'], ['friend_groups.id'], name=op.f('fk_liaison_messages_friend_group_id_friend_groups'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['household_id'], ['households.id'], name=op.f('fk_liaison_messages_household_id_households'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_liaison_messages_organization_id_organizations'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['sender_user_id'], ['users.id'], name=op.f('fk_liaison_messages_sender_user_id_users'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_liaison_messages')),
    sa.UniqueConstraint('sender_user_id', 'client_message_id', name=op.f('uq_liaison_messages_sender_user_id_client_message_id'))
    )
    op.create_index(op.f('ix_liaison_messages_demonstration_id'), 'liaison_messages', ['demonstration_id'])
    op.create_index('ix_liaison_messages_org_status_created', 'liaison_messages', ['organization_id', 'status', 'created_at'])
    op.create_index(op.f('ix_liaison_messages_sender_user_id'), 'liaison_messages', ['sender_user_id'])

    op.create_table('phase_changes',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('demonstration_id', sa.Uuid(), nullable=False),
    sa.Column('from_phase', sa.Enum('I', 'II', name='phase_change_from', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('to_phase', sa.Enum('I', 'II', name='phase_change_to', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('reason', sa.String(length=1000), nullable=False),
    sa.Column('changed_by_user_id', sa.Uuid(), nullable=True),
    sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['changed_by_user_id'], ['users.id'], name=op.f('fk_phase_changes_changed_by_user_id_users')),
    sa.ForeignKeyConstraint(['demonstration_id'], ['demonstrations.id'], name=op.f('fk_phase_changes_demonstration_id_demonstrations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_phase_changes'))
    )
    op.create_index(op.f('ix_phase_changes_demonstration_id'), 'phase_changes', ['demonstration_id'])

    op.create_table('liaison_message_reasons',
    sa.Column('message_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('rule_id', sa.String(length=80), nullable=False),
    sa.Column('category', sa.Enum('advice', 'best_practice', 'neutral', name='reason_category', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('span', sa.String(length=1000), nullable=False),
    sa.Column('start_offset', sa.Integer(), nullable=False),
    sa.Column('end_offset', sa.Integer(), nullable=False),
    sa.Column('explanation', sa.String(length=500), nullable=False),
    sa.ForeignKeyConstraint(['message_id'], ['liaison_messages.id'], name=op.f('fk_liaison_message_reasons_message_id_liaison_messages'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('message_id', 'position', name=op.f('pk_liaison_message_reasons'))
    )
    op.create_index(op.f('ix_liaison_message_reasons_rule_id'), 'liaison_message_reasons', ['rule_id'])

    op.create_table('message_deliveries',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('message_id', sa.Uuid(), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('delivered_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('read_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['household_id'], ['households.id'], name=op.f('fk_message_deliveries_household_id_households'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['message_id'], ['liaison_messages.id'], name=op.f('fk_message_deliveries_message_id_liaison_messages'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_message_deliveries')),
    sa.UniqueConstraint('message_id', 'household_id', name=op.f('uq_message_deliveries_message_id_household_id'))
    )
    op.create_index('ix_message_deliveries_household_delivered', 'message_deliveries', ['household_id', 'delivered_at'])

    op.create_table('message_replies',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('delivery_id', sa.Uuid(), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('author_user_id', sa.Uuid(), nullable=False),
    sa.Column('text', sa.String(length=1000), nullable=False),
    sa.Column('client_reply_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['author_user_id'], ['users.id'], name=op.f('fk_message_replies_author_user_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['delivery_id'], ['message_deliveries.id'], name=op.f('fk_message_replies_delivery_id_message_deliveries'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['household_id'], ['households.id'], name=op.f('fk_message_replies_household_id_households'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_message_replies')),
    sa.UniqueConstraint('author_user_id', 'client_reply_id', name=op.f('uq_message_replies_author_user_id_client_reply_id'))
    )
    op.create_index(op.f('ix_message_replies_delivery_id'), 'message_replies', ['delivery_id'])
    op.create_index(op.f('ix_message_replies_household_id'), 'message_replies', ['household_id'])



def downgrade() -> None:
    op.drop_index(op.f('ix_message_replies_household_id'), table_name='message_replies')
    op.drop_index(op.f('ix_message_replies_delivery_id'), table_name='message_replies')
    op.drop_table('message_replies')
    op.drop_index('ix_message_deliveries_household_delivered', table_name='message_deliveries')
    op.drop_table('message_deliveries')
    op.drop_index(op.f('ix_liaison_message_reasons_rule_id'), table_name='liaison_message_reasons')
    op.drop_table('liaison_message_reasons')
    op.drop_index(op.f('ix_phase_changes_demonstration_id'), table_name='phase_changes')
    op.drop_table('phase_changes')
    op.drop_index(op.f('ix_liaison_messages_sender_user_id'), table_name='liaison_messages')
    op.drop_index('ix_liaison_messages_org_status_created', table_name='liaison_messages')
    op.drop_index(op.f('ix_liaison_messages_demonstration_id'), table_name='liaison_messages')
    op.drop_table('liaison_messages')
