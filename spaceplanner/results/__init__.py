"""What an evaluation found: the typed report, its indicators and references to plan sites.

Never imports the engine or the outputs; consumers (outputs, CLI, desktop) read these objects.
"""
