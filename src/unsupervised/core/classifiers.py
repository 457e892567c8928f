"""The downstream classifier every section scores its features and labels with."""

from __future__ import annotations

from sklearn.base import ClassifierMixin
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier


def make_classifier(one_vs_rest: bool, max_iter: int, random_state: int) -> ClassifierMixin:
    """The chapter's logistic regression ("ovr": one binary model per class), or multinomial.

    The binary models are fitted by Newton's method: on unscaled pixels the problem is so
    ill-conditioned that lbfgs stops at a point that depends on the round-off of the CPU's
    BLAS kernels, and flips test predictions with it; Newton's method reaches the optimum
    itself. The multinomial model (ten times more coefficients) keeps lbfgs, which is
    stable on the float64 principal components it is given.
    """
    if one_vs_rest:
        return OneVsRestClassifier(
            LogisticRegression(
                solver="newton-cholesky", max_iter=max_iter, random_state=random_state
            )
        )
    return LogisticRegression(max_iter=max_iter, random_state=random_state)
