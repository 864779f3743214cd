export interface ReportLesson {
  text: string;
  /** Shared in the public report too (doctrine §8: OVH shared its lessons); otherwise internal only. */
  public: boolean;
}

export interface ReportAction {
  text: string;
  owner: string | null;
  /** yyyy-mm-dd, in the workspace's time zone. */
  due_on: string | null;
  done: boolean;
  public: boolean;
}

export interface ReportLessons {
  lessons: ReportLesson[];
  actions: ReportAction[];
}
