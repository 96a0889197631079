"""The visit planner: one window per visit, each part in its own tab, checked as you edit."""
