"""The readiness check: one small module per rule family; `engine.run_check` runs them all."""
