"""The desktop app's model without Qt: the open plan (session), crash recovery, when to evaluate,
and the layer being added. Tested without a display; no module here imports Qt."""
