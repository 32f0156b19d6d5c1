"""Vocabulary for the synthetic data: people, companies, careers, and sentence templates.

Lists are ordered roughly from common to rare; the generator draws from them with Zipf-like
weights, so a few words are everywhere and most are rare, as in real notes.
"""

from __future__ import annotations

FIRST_NAMES = (
    "Ana", "José", "Priya", "Marcus", "Sofia", "Jonas", "Chloé", "Liam", "Zoë", "Björn",
    "Mei", "Amara", "Łukasz", "Søren", "Anaïs", "François", "Siobhán", "Renée", "Jürgen",
    "Íñigo", "Małgorzata", "Nguyễn", "Oluwaseun", "Hana", "Ravi", "Elif", "Mateo", "Camille",
    "Tomás", "Ingrid", "Kwame", "Yuki", "Fatima", "Daniel", "Aisha", "Noah", "Emma", "Lucas",
    "Chiara", "Dmitri", "Agnieszka", "Thabo", "Lea", "Óscar", "Nikolai", "Maya", "Samir",
    "Greta", "Joaquín", "Ayşe", "Freya", "Kenji", "Aoife", "Rafael", "Nadia", "Henrik",
    "Leïla", "Pedro", "Olga", "Wei", "Astrid", "Malik", "Beatriz", "Ciarán", "Dagný",
    "Émilie", "Gökhan", "Hélène", "Iñaki", "Jovana", "Kirsi", "Lúcia", "Mihai", "Noémie",
)
LAST_NAMES = (
    "García", "Müller", "Raman", "Lee", "Alvarez", "Berg", "Okafor", "Chen", "Patel", "Dubois",
    "Rossi", "Tanaka", "Kowalski", "Øberg", "Pérez", "Şahin", "O'Brien", "Nakamura", "Silva",
    "Johansson", "Novák", "Dvořák", "Mensah", "Haddad", "Fernández", "Schmidt", "Kim",
    "Nowak", "Ibrahim", "Costa", "Lindqvist", "Moreau", "Byrne", "Papadopoulos", "Yılmaz",
    "Andersen", "Murphy", "Sato", "Hoffmann", "Nair", "Virtanen", "Ó Súilleabháin", "Žukauskas",
    "Gonçalves", "Kovačević", "Laurent", "Adeyemi", "Bianchi", "Horvát", "Jensen", "Lefèvre",
    "Mäkinen", "Nieminen", "Østergaard", "Quiñones", "Ruiz", "Stępień", "Thorsen", "Urbański",
    "Vásquez", "Weiß", "Zapata", "Åkesson", "Ćosić", "Ferreira", "Gallagher", "Hernández",
)
COMPANIES = (
    "Stripe", "Northwind Health", "Tidewater Energy", "Brightline Studio", "Spotify", "Deloitte",
    "Monzo", "Sunfield", "Kestrel Analytics", "Helios Grid", "Bluepeak Logistics", "Atlas Bank",
    "Ledgerline", "Octave Learning", "Riverstone Capital", "Greenway Mobility", "Nimbus Cloud",
    "Coral Therapeutics", "Harbor & Finch", "Quillmark Media", "Vireo Climate", "Mistral Foods",
    "Fjord Robotics", "Lumen Public Sector", "Paloma Insurance", "Cobalt Security", "Tessellate",
    "Orchard Retail", "Granite Consulting", "Wayfarer Travel", "Pixelforge Games", "Meridian Labs",
    "Saltmarsh Biotech", "Crescent Pay", "Evergreen Schools", "Polaris Aerospace", "Juniper Care",
    "Basalt Data", "Kiln Ceramics Co", "Zephyr Wind", "Aurora Health Network", "Copperleaf Bank",
    "Driftwood Studios", "Halcyon Energy", "Ironbark Freight", "Larkspur Foundation",
    "Marble Legal", "Nettle Agritech", "Obsidian Capital", "Pinecrest Hospital", "Quarry Materials",
    "Rookery Ventures", "Sable Fashion", "Tundra Outdoor", "Umbra Semiconductors", "Verdant Labs",
    "Willow Pensions", "Yarrow Pharma", "Zenith Telecom", "Agora Civic Tech", "Bramble Books",
    "Cinder Motors", "Delta Fjell Shipping", "Ember Payments", "Foxglove Biosciences",
)
INDUSTRIES = (
    "fintech", "health tech", "energy", "climate", "education", "consulting", "gaming",
    "logistics", "retail", "public sector", "biotech", "media", "cybersecurity", "insurance",
    "banking", "aerospace", "agritech", "telecom", "nonprofit", "legal tech", "robotics",
)
ROLES = (
    "Product manager", "Data engineer", "UX researcher", "Software engineer", "Data scientist",
    "Engineering manager", "Product designer", "Analyst", "Consultant", "Head of product",
    "Machine learning engineer", "Policy advisor", "Operations lead", "Founder",
    "Investment associate", "Research scientist", "Technical writer", "Solutions architect",
    "Growth marketer", "Clinical informatics lead", "Sustainability manager", "Recruiter",
)
SKILLS = (
    "SQL", "stakeholder management", "Python", "user interviews", "roadmapping", "statistics",
    "system design", "storytelling", "financial modelling", "experimentation", "negotiation",
    "data visualisation", "prioritisation", "regulatory knowledge", "public speaking",
    "writing", "hiring", "coaching", "forecasting", "cloud infrastructure", "accessibility",
    "pricing", "compliance", "vendor management", "Kubernetes", "dbt", "Figma", "Rust",
)
TOPICS = (
    "the hiring process", "career changes", "team culture", "the on-call rotation", "pricing",
    "the product roadmap", "remote work", "mentoring juniors", "the first ninety days",
    "promotion criteria", "the interview loop", "side projects", "the portfolio review",
    "regulation", "the data platform", "customer research", "budget season", "reorgs",
    "the graduate scheme", "switching industries", "working with sales", "technical debt",
    "the board", "a career break", "the certification", "layoffs", "the apprenticeship",
)
CITIES = (
    "London", "Berlin", "Dublin", "Lisbon", "Toronto", "Amsterdam", "Madrid", "Stockholm",
    "Zürich", "São Paulo", "Kraków", "Nairobi", "Singapore", "Montréal", "Copenhagen",
    "Helsinki", "Bogotá", "Reykjavík", "Tallinn", "Porto", "Málaga", "Gdańsk", "Århus",
)
TOOLS = (
    "Jira", "Notion", "Looker", "Snowflake", "Airflow", "Tableau", "Salesforce", "Slack",
    "Confluence", "Amplitude", "Miro", "Datadog", "Terraform", "Linear", "Excel", "Dovetail",
)
BOOKS = (
    "Designing Data-Intensive Applications", "Inspired", "The Mom Test", "Working Backwards",
    "An Elegant Puzzle", "The Manager's Path", "Radical Candor", "Thinking in Systems",
    "Continuous Discovery Habits", "Escaping the Build Trap", "The Staff Engineer's Path",
)
SECTIONS = ("The person", "The company", "The industry")
PROMPTS = (
    "key-insights", "how-this-fits-my-goals", "what-surprised-me", "culture-observations",
    "what-i-still-need-to-know", "next-steps",
)
QUESTIONS = (
    "How did you get into {industry}?", "What does a typical week look like for you?",
    "Which skills matter most that people underestimate?", "What surprised you about {topic}?",
    "How is success measured in your role?", "What would you do differently starting out?",
    "How does your team decide what to build next?", "What is the hardest part of the job?",
    "How do people usually move into a {role} role?", "Which trends in {industry} worry you?",
    "How much of the work involves {skill}?", "What do strong candidates do in interviews?",
    "Who else should I talk to about {topic}?", "How has {company} changed since you joined?",
    "What do you wish you had known before joining {company}?", "How do you stay current?",
    "What does career progression look like at {company}?", "How do you work with {tool}?",
    "What is the culture like on your team?", "How did the move to {city} affect your work?",
    "Which resources helped you learn {skill}?", "How do you handle disagreement with leadership?",
    "What would make someone stand out for an entry-level role?",
    "Where do you see {industry} in five years?", "How do you balance speed and quality?",
)
CHECKLIST = (
    "Read their recent posts on LinkedIn", "Skim {company}'s latest annual report",
    "Look up news about {company} from the last three months", "Note their path into {role}",
    "Read the mission statement and values page", "Find a talk or podcast they gave",
    "Check {industry} trends and vocabulary", "Look at open roles at {company}",
    "Find mutual connections", "Review the product and try the free tier",
    "Read Glassdoor reviews for culture signals", "Prepare a two-line introduction",
    "Write down the one ask", "Check the time zone and the video link",
    "Research {company}'s competitors", "Read about {topic} in {industry}",
)

# Sentence templates for notes; slots are filled from the lists above (and a few extra ones).
SENTENCES = (
    "{first} moved from {industry} into {role2} after {years} years, mostly by owning {topic}.",
    "The team at {company} uses {tool} for almost everything, including {topic}.",
    "Hiring for {role2} roles happens twice a year, usually in {month}.",
    "She said {skill} matters more than {skill2} for anyone starting out.",
    "He recommended reading {book} before applying.",
    "Most of the week goes to {topic}, with one planning day and a lot of {skill}.",
    "They are opening an office in {city} next {season} and need people who know {industry}.",
    "Compliance shapes the roadmap more than customers do, which surprised me.",
    "The interview loop has a take-home exercise on {skill} and a panel with the {role2} lead.",
    "Strong candidates show one project end to end and can explain the trade-offs.",
    "Culture seems calm but the pace picks up before budget season.",
    "Their manager came from {company2} and brought a habit of weekly demos.",
    "Career changers do well if they can talk about {topic} with real examples.",
    "I should follow up about the {role2} opening in {city}.",
    "There was a veto from legal on the pricing experiment, which delayed the launch.",
    "Remote work is the default, with a team week in {city} every quarter.",
    "The biggest mistake juniors make is ignoring {skill} until the first review.",
    "{first} offered to introduce me to someone on the {industry} team at {company2}.",
    "Promotion depends on visible impact, written up in a short document every half year.",
    "Data quality and on-call take more time than modelling or dashboards.",
    "They measure success by retention and by how fast customers reach the first result.",
    "The graduate scheme rotates people through three teams in eighteen months.",
    "Salary bands are public inside {company}, which made negotiation simpler.",
    "She moved to {city} for the role and would do it again.",
    "Regulation in {industry} is changing fast and the team spends weeks on audits.",
    "A portfolio with one deep case study beats five shallow ones.",
    "He thinks {industry} will consolidate and only a few players will stay independent.",
    "Working with sales is the hardest part, because promises get made before the plan exists.",
    "The certification is optional but helps in the first screening call.",
    "Technical debt in the {topic} area slows every release by a few days.",
    "Mentoring is informal; you pick someone and ask for thirty minutes a month.",
    "Their advice: learn {skill} properly and write about what you learn.",
    "The first ninety days are about listening and shipping one small thing.",
    "Layoffs last year changed the mood, but the team is hiring again.",
    "Side projects count if they show {skill} and a real user.",
    "Customer research happens every sprint, usually five interviews a week.",
    "I want to ask {first} about {topic} next time.",
    "The role needs a mix of {skill}, {skill2} and patience with stakeholders.",
    "Open question: how much travel does the {role2} job involve?",
    "They use {tool} and {tool2}, and are moving the data platform to {tool3}.",
    "Good signal: people stay for years and several came back after leaving.",
    "The apprenticeship takes people without degrees and pays during training.",
    "Budget season means no new projects start between October and December.",
    "The board cares about {topic} more than about growth this year.",
    "A career break is fine if you can explain what you learned during it.",
    "The reorg merged product and design under one head of product.",
    "{first} mentioned {kestrel}, an internal tool built on {tool}.",
    "Look into {kestrel} and the {kestrel2} project before the next chat.",
    "Meeting at {place} worked well; quieter than the office.",
)
EXTRA = {
    "month": ("January", "March", "April", "June", "September", "October", "November"),
    "season": ("spring", "summer", "autumn", "winter"),
    "years": ("two", "three", "four", "five", "six", "eight", "ten", "twelve"),
    "place": ("Café Aroma", "the Lisbon office", "a coworking space", "the canteen", "Zoom"),
}
# Syllables for rare invented words (project names, internal tools): the long tail.
SYLLABLES = (
    "ka", "ves", "tor", "lin", "mar", "qui", "zel", "dra", "po", "neth", "sor", "bri", "tal",
    "om", "fen", "gra", "ix", "lu", "ber", "cyn", "dov", "eth", "hal", "jor", "kre", "mos",
)
