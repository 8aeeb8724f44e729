"""National Assembly bills related to a proposal: the dataset, an index, search (no Django here)."""

from pledgetrack.engine.bills.index import BillHit, BillIndex, IndexSettings, related_bills
from pledgetrack.engine.bills.source import ATTRIBUTION, Bill, fetch_bills_dataset, load_bills

__all__ = [
    "ATTRIBUTION",
    "Bill",
    "BillHit",
    "BillIndex",
    "IndexSettings",
    "fetch_bills_dataset",
    "load_bills",
    "related_bills",
]
