import type { Certificate, Course, CourseCompletion, CourseInput, CourseList, ModuleProgressInput, ModuleProgressResult } from '@simashe/contracts';
import { api, ApiError } from '@simashe/web-api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

/** A 400 or 404 is an answer (a bad code, a course one may not read): asking again cannot change it. */
const noRetryOnAnswer = (count: number, error: Error) => !(error instanceof ApiError && (error.status === 404 || error.status === 400 || error.status === 403)) && count < 2;

const keys = {
  all: ['training'] as const,
  list: ['training', 'list'] as const,
  course: (id: string) => ['training', 'course', id] as const,
  completion: (id: string) => ['training', 'completion', id] as const,
  certificate: (code: string) => ['training', 'certificate', code] as const,
};

export function useCourses() {
  return useQuery({ queryKey: keys.list, queryFn: () => api.get<CourseList>('/training/courses') });
}

export function useCourse(id: string) {
  return useQuery({ queryKey: keys.course(id), queryFn: () => api.get<Course>(`/training/courses/${id}`), retry: noRetryOnAnswer });
}

/** The answer is the course as it now is: kept for its page at once; the list is asked for again. */
function useCourseMutation<TInput>(call: (input: TInput) => Promise<Course>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (course) => {
      queryClient.setQueryData(keys.course(course.id), course);
      void queryClient.invalidateQueries({ queryKey: keys.list });
    },
  });
}

export const useCreateCourse = () => useCourseMutation((input: CourseInput) => api.post<Course>('/training/courses', input));
export const useUpdateCourse = (id: string) => useCourseMutation((input: CourseInput) => api.put<Course>(`/training/courses/${id}`, input));
export const useEnrol = (id: string) => useCourseMutation(() => api.post<Course>(`/training/courses/${id}/enrolment`));

/** Refreshes the list but not the deleted course: its page is still open and asking again would 404. */
export function useDeleteCourse(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(`/training/courses/${id}`),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: keys.course(id) });
      void queryClient.invalidateQueries({ queryKey: keys.list });
    },
  });
}

/** One module's progress; the answer carries the course as it now is (counts, completion, certificate code). */
export function useModuleProgress(courseId: string, moduleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ModuleProgressInput) => api.post<ModuleProgressResult>(`/training/courses/${courseId}/modules/${moduleId}/progress`, input),
    onSuccess: (result) => {
      queryClient.setQueryData(keys.course(courseId), result.course);
      void queryClient.invalidateQueries({ queryKey: keys.list });
      void queryClient.invalidateQueries({ queryKey: keys.completion(courseId) });
    },
  });
}

export function useCompletion(id: string) {
  return useQuery({ queryKey: keys.completion(id), queryFn: () => api.get<CourseCompletion>(`/training/courses/${id}/completion`), retry: noRetryOnAnswer });
}

/** The public check of a certificate (no session needed). */
export function useCertificate(code: string | null) {
  return useQuery({
    queryKey: keys.certificate(code ?? ''),
    queryFn: () => api.get<Certificate>(`/public/certificates/${encodeURIComponent(code ?? '')}`),
    enabled: code !== null,
    retry: noRetryOnAnswer,
  });
}
