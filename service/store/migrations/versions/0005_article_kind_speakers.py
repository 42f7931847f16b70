"""articles say what kind of document they are and who speaks in them

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 06:30:00.000000

`kind` (news, speech, testimony, statement, interview, op-ed, letter; `news`
for every existing row) and `speakers`: the document's speakers as given on
submission, resolved to actors (a JSON list of actor key and id, name,
organisation key, id and name, role), null when none were given.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


# Plain ALTER TABLE (not batch mode): on SQLite a batch copy of `articles`
# would drop the generation triggers of migrations 0003 and 0004.
def upgrade() -> None:
    op.add_column('articles', sa.Column('kind', sa.String(16), nullable=False, server_default='news'))
    op.add_column('articles', sa.Column('speakers', sa.JSON().with_variant(JSONB(), 'postgresql'), nullable=True))


def downgrade() -> None:
    op.drop_column('articles', 'speakers')
    op.drop_column('articles', 'kind')
